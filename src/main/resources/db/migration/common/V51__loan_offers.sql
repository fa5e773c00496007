-- An enterprise names up to three banks for a loan (practice under the national equipment-renewal loan mechanism);
-- the central-bank branch pushes the listed project to each, each decides on its own, and the enterprise accepts at
-- most one grant. bank_keys keeps the chosen banks in the enterprise's order, comma-separated (keys have no commas).
ALTER TABLE application ADD COLUMN bank_keys VARCHAR(100);
UPDATE application SET bank_keys = bank_key WHERE bank_key IS NOT NULL;
ALTER TABLE application DROP COLUMN bank_key;

-- The bank whose grant the enterprise accepted; granted_* hold that grant.
ALTER TABLE application ADD COLUMN granted_bank_key VARCHAR(32);

-- Each chosen bank's own decision on the loan.
CREATE TABLE loan_offer (
    application_id  BIGINT         NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    bank_key        VARCHAR(32)    NOT NULL,
    decision        VARCHAR(16)    NOT NULL,   -- GRANTED, DECLINED, CLOSED (another bank's grant was accepted first)
    amount          NUMERIC(16, 2),
    rate            NUMERIC(6, 3),
    term_months     INTEGER,
    grant_date      DATE,
    loan_type       VARCHAR(32),
    used_relending  BOOLEAN,
    opinion         VARCHAR(2000),
    decided_at      TIMESTAMP      NOT NULL,
    accepted_at     TIMESTAMP,
    CONSTRAINT pk_loan_offer PRIMARY KEY (application_id, bank_key)
);
