-- Each tranche (disbursement) of a loan is subsidised under the national rule in force on its own disbursement day,
-- so one period can hold tranches at different rates, or a tranche paid out when no rule was in force, which gets
-- nothing. The period keeps its total; its parts by disbursement day are kept here, as the ledger's pages and the
-- period's payment notice state them. The first share of a disbursement day also fixes the rule its tranches accrue
-- under for the rest of the loan (points, months, basis, finding), whatever the table or the re-lending bank list says
-- later; a pending share (a day after the last rule known) fixes nothing.

-- A period whose tranches accrued at different rates has no one rate.
ALTER TABLE subsidy_ledger ALTER COLUMN points DROP NOT NULL;

CREATE TABLE subsidy_ledger_share (
    ledger_id       BIGINT         NOT NULL REFERENCES subsidy_ledger (id),
    disbursed_on    DATE           NOT NULL,   -- the tranches paid out on this day
    balance_basis   NUMERIC(20, 2) NOT NULL,   -- their daily balances summed over the days counted
    subsidy_days    INTEGER        NOT NULL,
    points          NUMERIC(6, 3)  NOT NULL,   -- the rate of the rule in force on disbursed_on; 0 when none
    months          INTEGER        NOT NULL,   -- how long that rule subsidises the tranche from its day; 0 when none
    basis           VARCHAR(1000),             -- the national notices of that rule
    finding         VARCHAR(200),              -- why the tranche gets nothing, e.g. 不在贴息政策期限内
    pending         BOOLEAN        NOT NULL DEFAULT FALSE, -- paid out after the last known rule: asked again next period
    CONSTRAINT pk_subsidy_ledger_share PRIMARY KEY (ledger_id, disbursed_on)
);
