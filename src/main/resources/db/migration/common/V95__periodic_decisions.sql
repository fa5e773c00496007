-- A decision issued once per period (the interest-subsidy payment notice, 贴息资金拨付通知): the key of a decision
-- becomes application, stage and period. Every existing decision has the empty period, so the rule "one decision
-- per application and stage" holds for them unchanged.
ALTER TABLE decision ADD COLUMN period VARCHAR(16) DEFAULT '' NOT NULL;
ALTER TABLE decision DROP CONSTRAINT uk_decision_application_stage;
ALTER TABLE decision ADD CONSTRAINT uk_decision_application_stage_period UNIQUE (application_id, stage, period);
