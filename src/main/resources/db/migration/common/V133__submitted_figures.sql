-- The dossier's figures as last submitted (first submission or resubmission after a correction), which the
-- statistics, the project library and its export, and the public notices count, sum and group by: the dossier
-- columns are the enterprise's working copy, which it edits again while the application is returned for
-- correction, and a correction that lapses or is withdrawn was never submitted (see application_submission, V129).
-- Written with the submission record, in the transaction of the (re)submission; empty for a draft. For a project
-- registration the project's own name, policy task and investments; for a subsidy or a loan the registered project
-- it refers to (the figures of that project are read from its row) and, for a loan, the amount asked.
ALTER TABLE application ADD COLUMN submitted_project_name VARCHAR(128);
ALTER TABLE application ADD COLUMN submitted_policy_task INTEGER;
ALTER TABLE application ADD COLUMN submitted_total_investment NUMERIC(16, 2);
ALTER TABLE application ADD COLUMN submitted_equipment_investment NUMERIC(16, 2);
ALTER TABLE application ADD COLUMN submitted_project_id BIGINT;
ALTER TABLE application ADD COLUMN submitted_loan_amount NUMERIC(16, 2);

-- Applications submitted so far: the working copy, which is the submitted dossier unless a correction is open or
-- ended without a resubmission; those are set from their last recorded submission by V134.
UPDATE application
SET submitted_project_name = project_name, submitted_policy_task = policy_task,
    submitted_total_investment = total_investment, submitted_equipment_investment = equipment_investment,
    submitted_project_id = project_id, submitted_loan_amount = loan_amount
WHERE status <> 'DRAFT';
