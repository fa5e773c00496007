-- Where money recovered from an enterprise of the county (zone) is paid: the receiving unit, bank and account number
-- of the county finance bureau's collection account, printed in the signed clawback decision. Master data kept by an
-- administrator from the finance bureau's written notice (UPDATE org_division SET clawback_account = ... WHERE code =
-- ...), not typed by whoever handles a case: a county without an account on record cannot confirm a recovery.
ALTER TABLE org_division ADD COLUMN clawback_account VARCHAR(300);
