-- Uploads are idempotent: a re-sent upload (Idempotency-Key header, or the key in the portal's upload form) finds the
-- attachment stored the first time instead of adding a duplicate. The key lives as long as its attachment.
ALTER TABLE attachment ADD COLUMN upload_key VARCHAR(64);
ALTER TABLE attachment ADD CONSTRAINT uk_attachment_upload UNIQUE (application_id, upload_key);
