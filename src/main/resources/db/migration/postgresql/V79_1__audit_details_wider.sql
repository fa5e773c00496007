-- A deployment's audit entry names every file with its SHA-256 and every version it made: with the after-award,
-- clawback and ledger models it outgrew 4000 characters. Widening keeps every entry's text, so the hash chain holds.
ALTER TABLE audit_log ALTER COLUMN details TYPE VARCHAR(16000);
