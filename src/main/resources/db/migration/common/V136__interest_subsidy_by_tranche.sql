-- No national interest-subsidy rule was in force on the loan's (first) disbursement day when the subsidy was
-- assessed: before the first rule, or after the last one the table knew (the 2026 notice runs to 31 December 2026
-- "and may be extended"). The decision grants nothing for that day and says why; the ledger then follows the rule in
-- force on each tranche's own day, so a rule extended or added later covers the loan from then on. Cleared when the
-- city finance bureau refuses the subsidy outright.
ALTER TABLE application ADD COLUMN interest_subsidy_by_tranche BOOLEAN DEFAULT FALSE NOT NULL;
