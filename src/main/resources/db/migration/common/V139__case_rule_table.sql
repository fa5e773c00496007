-- Which version of an administrator's decision table a case's step was decided by (the
-- joint review's bodies, whether an expert review is held): the decision's grounds are
-- checked against that version, so a table changed afterwards does not re-judge a case
-- already past the step. One row a case and table, the last step's.
CREATE TABLE case_rule_table (
    application_id          BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    table_key               VARCHAR(64)  NOT NULL,
    decision_definition_id  VARCHAR(64)  NOT NULL,
    used_at                 TIMESTAMP    NOT NULL,
    PRIMARY KEY (application_id, table_key)
);
