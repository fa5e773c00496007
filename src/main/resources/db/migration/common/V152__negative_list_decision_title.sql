-- The title of the decision that ordered a listing: a listing follows a revocation too (撤销财政奖补资金决定书,
-- 财政奖补资金处理决定书), which is no 追回决定, and the list, the enterprise's message and a refused submission name
-- the act as it is titled. Entries listed before are given the title of the decision they name.
ALTER TABLE negative_list_entry ADD COLUMN source_decision_title VARCHAR(32);

UPDATE negative_list_entry SET source_decision_title = (
    SELECT MAX(CASE d.decision_type
                   WHEN 'SUBSIDY_REVOKED' THEN '撤销财政奖补资金决定书'
                   WHEN 'SUBSIDY_REVOCATION_PROPOSED' THEN '财政奖补资金处理决定书'
                   ELSE '追回财政奖补资金决定书' END)
    FROM decision d
    WHERE d.application_id = negative_list_entry.source_application_id
      AND d.document_number = negative_list_entry.source_decision)
WHERE source_decision IS NOT NULL;
