-- Why an enterprise account was disabled, as the county bureau recorded it: shown beside the account in the
-- county's list and told to the enterprise. Accounts disabled before this column have none.
ALTER TABLE enterprise ADD COLUMN disabled_reason VARCHAR(300);
