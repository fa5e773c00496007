-- A repayment counts only once a second person of the county finance bureau (another officer or its lead) has
-- checked it against the treasury's receipt: PENDING when recorded, then CONFIRMED or RETURNED (with the reason). Only
-- CONFIRMED repayments count in clawback.repaid. Repayments recorded before this check was required were accepted on
-- their recorder's word and stay counted: they are marked CONFIRMED with no checker.
ALTER TABLE clawback_repayment ADD COLUMN state VARCHAR(16) DEFAULT 'CONFIRMED' NOT NULL;
ALTER TABLE clawback_repayment ADD COLUMN checked_by VARCHAR(64);
ALTER TABLE clawback_repayment ADD COLUMN checked_at TIMESTAMP;
ALTER TABLE clawback_repayment ADD COLUMN check_note VARCHAR(200);
