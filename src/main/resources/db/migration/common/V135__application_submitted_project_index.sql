-- The loans on a registered project are weighed together against its total investment at every submission, bank
-- decision and acceptance of a loan (the project's submitted id, V133).
CREATE INDEX ix_application_submitted_project ON application (submitted_project_id);
