-- Every password check asks how many ids failed from the client's network within the last hour (NetworkFailureBudget):
-- the latest failures of one network, newest first.
CREATE INDEX ix_login_failure_network ON login_failure (network, last_failure);
