-- What the interest subsidy was computed on, recorded with the amount when the enterprise accepts a grant: the
-- national notices the rule in force on the loan's date rests on, and, when it gives nothing, why (the loan's
-- facts against the rule's conditions). The city finance bureau reviews these before its decision, which states
-- them as recorded, not as the table or the bank directory would read at the time of issue.
ALTER TABLE application ADD COLUMN interest_subsidy_basis VARCHAR(500);
ALTER TABLE application ADD COLUMN interest_subsidy_finding VARCHAR(1000);
