-- When the interest subsidy of a loan was last computed (Task_ComputeInterestSubsidy): the city finance bureau's review
-- of it counts only if given after that moment, so that a computation run again (a moved token, a changed table) is
-- not signed on an opinion about the earlier figure (IssuingGrounds). Loans computed before this column stay NULL and
-- are judged as before.
ALTER TABLE application ADD COLUMN interest_subsidy_computed_at TIMESTAMP;
