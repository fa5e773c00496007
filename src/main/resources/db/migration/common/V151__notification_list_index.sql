-- The message centre lists a person's messages newest first (ORDER BY created_at DESC, id DESC), a page at a time:
-- with this index the page is read in order instead of every message of the person being sorted for each page.
CREATE INDEX ix_notification_recipient_created ON notification (recipient_id, created_at, id);
