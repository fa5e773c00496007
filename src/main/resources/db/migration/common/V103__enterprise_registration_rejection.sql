-- A county industry bureau may reject a registration it cannot verify (驳回注册), such as one made in another
-- enterprise's name: the row stays for the record, its account is closed, and its credit code may be registered
-- again. The code is unique among the registrations that are not rejected: credit_code_claim holds it for those and
-- is empty for a rejected one (a unique constraint allows any number of empty values, on H2 and PostgreSQL alike).
ALTER TABLE enterprise ADD COLUMN credit_code_claim CHAR(18);
UPDATE enterprise SET credit_code_claim = credit_code;
ALTER TABLE enterprise ADD CONSTRAINT uk_enterprise_credit_code_claim UNIQUE (credit_code_claim);
ALTER TABLE enterprise DROP CONSTRAINT uk_enterprise_credit_code;
CREATE INDEX ix_enterprise_credit_code ON enterprise (credit_code);
ALTER TABLE enterprise ADD COLUMN rejected_at TIMESTAMP;
ALTER TABLE enterprise ADD COLUMN rejected_by VARCHAR(64);
ALTER TABLE enterprise ADD COLUMN rejection VARCHAR(300);
