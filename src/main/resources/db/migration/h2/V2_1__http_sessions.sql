-- HTTP sessions live in the database so that any application node can serve any user (Spring Session JDBC).
CREATE TABLE app_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT app_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX app_session_ix1 ON app_session (session_id);
CREATE INDEX app_session_ix2 ON app_session (expiry_time);
CREATE INDEX app_session_ix3 ON app_session (principal_name);

CREATE TABLE app_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    LONGVARBINARY NOT NULL,
    CONSTRAINT app_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT app_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES app_session (primary_id) ON DELETE CASCADE
);
