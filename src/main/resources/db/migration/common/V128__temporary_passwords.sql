-- An account whose password a county industry bureau reset: the temporary password it was given serves only to
-- change it, and only until expires_at. Any change of the account's password deletes the row; the password itself
-- is never here (only its hash, in Camunda's ACT_ID_USER).
CREATE TABLE temporary_password (
    user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    issued_at   TIMESTAMP    NOT NULL,
    issued_by   VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP    NOT NULL
);
