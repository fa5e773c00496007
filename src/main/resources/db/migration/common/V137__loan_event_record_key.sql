-- The key of the form or API request that recorded a ledger entry: the same request sent
-- twice (a double click, a client retrying after a timeout) records one entry, not two.
ALTER TABLE loan_event ADD COLUMN record_key VARCHAR(64);
CREATE UNIQUE INDEX uk_loan_event_record_key ON loan_event (application_id, record_key);
