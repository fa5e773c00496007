-- V109 gave the column the default CONFIRMED so that repayments recorded before the check counted as before; a
-- repayment written without a state from now on waits for its check like every new one.
ALTER TABLE clawback_repayment ALTER COLUMN state SET DEFAULT 'PENDING';
