-- One row per process, decision table or form that an administrator has deployed from the administration page
-- (process:county-review, decision:subsidy-amount, form:expert-review). A deployment locks the rows of what it
-- deploys (SELECT ... FOR UPDATE, in the order of their names) before it compares the files with the latest
-- versions, and holds them until it commits: two administrators deploying the same model, on one node or two, take
-- turns, and the second compares with the first's version. The engine's own deployment lock cannot do this: it is
-- taken only once the engine deploys, after the comparison, and not at all on H2. Rows are created on first use in
-- a transaction of their own and never deleted.
CREATE TABLE model_deployment_lock (
    model_key  VARCHAR(300)  NOT NULL PRIMARY KEY
);
