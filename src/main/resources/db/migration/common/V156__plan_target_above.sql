-- The policy's "超过92%" and "超过75%" are exceeded, not reached: a rate of exactly 75 % has not met the
-- target. A third comparison, ABOVE (超过), for them; "增长30%以上" stays AT_LEAST, as 以上 includes the figure.
ALTER TABLE plan_target DROP CONSTRAINT ck_plan_target_comparison;
ALTER TABLE plan_target ADD CONSTRAINT ck_plan_target_comparison CHECK (comparison IN ('AT_LEAST', 'ABOVE', 'ABOUT'));
UPDATE plan_target SET comparison = 'ABOVE', version = version + 1, updated_at = CURRENT_TIMESTAMP, updated_by = 'system'
WHERE target_key IN ('digital-rd-tools-2027', 'cnc-key-processes-2027') AND comparison = 'AT_LEAST';
