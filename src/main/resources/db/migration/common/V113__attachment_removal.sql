-- An attachment removed from an application that was ever submitted is kept, with who removed it and when: the
-- reviewers may have relied on it, and the record keeps what they saw. Only a draft never submitted loses its files.
ALTER TABLE attachment ADD COLUMN removed_at TIMESTAMP;
ALTER TABLE attachment ADD COLUMN removed_by VARCHAR(64);
