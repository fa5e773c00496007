ALTER TABLE deployed_model_content ADD COLUMN content BLOB NOT NULL;
