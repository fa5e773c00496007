-- A correction whose deadline does not run while the enterprise's account is disabled (the enterprise cannot resubmit):
-- its deadline is kept here and correction_deadline is empty until the account is restored, when the deadline comes
-- back moved later by the working days disabled. Nothing "lapses" meanwhile: not the page, the withdrawal, nor taking the
-- return back.
ALTER TABLE application ADD COLUMN correction_suspended_deadline TIMESTAMP;
