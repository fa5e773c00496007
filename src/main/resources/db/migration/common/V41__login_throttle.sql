-- Failed logins of user ids that have no account. Accounts keep theirs in Camunda's ACT_ID_USER (ATTEMPTS_,
-- LOCK_EXP_TIME_); ids without one are throttled here the same way, so that the reply never tells whether an id
-- exists. In the database, so that every node counts the same failures.
CREATE TABLE login_throttle (
    login_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    attempts      INTEGER      NOT NULL,
    last_failure  TIMESTAMP    NOT NULL,
    locked_until  TIMESTAMP    NOT NULL
);

CREATE INDEX ix_login_throttle_locked_until ON login_throttle (locked_until);
