-- What a submitted application claims that no other may claim while it is in force: each purchase invoice
-- (INVOICE:<number>) and, for a subsidy, its project (PROJECT_SUBSIDY:<project id>). The primary key makes two
-- simultaneous submissions of the same invoice impossible on every node; a withdrawn, refused or lapsed
-- application releases its claims.
CREATE TABLE funding_claim (
    claim_key       VARCHAR(64)  NOT NULL PRIMARY KEY,
    application_id  BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE
);

CREATE INDEX ix_funding_claim_application ON funding_claim (application_id);
