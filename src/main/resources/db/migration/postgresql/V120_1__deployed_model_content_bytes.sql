ALTER TABLE deployed_model_content ADD COLUMN content BYTEA NOT NULL;
