-- What a submitted application claims that no other may claim while it is in force: each purchase invoice
-- (INVOICE:<number>) and, for a subsidy, its project (PROJECT_SUBSIDY:<project id>). The primary key makes two
-- simultaneous submissions of the same invoice impossible on every node; a withdrawn, refused or lapsed
-- application releases its claims.
CREATE TABLE funding_claim (
    claim_key       VARCHAR(64)  NOT NULL PRIMARY KEY,
    application_id  BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE
);

CREATE INDEX ix_funding_claim_application ON funding_claim (application_id);

-- Claims submitted before this table existed: the earliest application holding an invoice or a project's subsidy
-- keeps it; a later one that duplicates it is stopped at its next approval (RecordOpinionListener).
INSERT INTO funding_claim (claim_key, application_id)
SELECT 'INVOICE:' || l.invoice_no, MIN(a.id)
FROM equipment_line l JOIN application a ON a.id = l.application_id
WHERE a.kind = 'SUBSIDY' AND a.status NOT IN ('DRAFT', 'WITHDRAWN', 'REFUSED', 'LAPSED') AND l.invoice_no IS NOT NULL
GROUP BY l.invoice_no;

INSERT INTO funding_claim (claim_key, application_id)
SELECT 'PROJECT_SUBSIDY:' || CAST(a.project_id AS VARCHAR(20)), MIN(a.id)
FROM application a
WHERE a.kind = 'SUBSIDY' AND a.status NOT IN ('DRAFT', 'WITHDRAWN', 'REFUSED', 'LAPSED') AND a.project_id IS NOT NULL
GROUP BY a.project_id;
