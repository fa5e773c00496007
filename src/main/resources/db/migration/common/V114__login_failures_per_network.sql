-- Failed logins counted per login id and network (the client's IPv4 address, or its IPv6 /64), for accounts and ids
-- without an account alike: one network's failures lock that id for that network only, so nobody can lock a user
-- out from elsewhere by typing wrong passwords. Camunda's own lock in ACT_ID_USER is no longer used.
CREATE TABLE login_failure (
    login_id      VARCHAR(255) NOT NULL,
    network       VARCHAR(64)  NOT NULL,
    -- The wider network around it (IPv4 /24, IPv6 /48): a spraying attack is told by how many of these it uses.
    wide_network  VARCHAR(64)  NOT NULL,
    attempts      INTEGER      NOT NULL,
    last_failure  TIMESTAMP    NOT NULL,
    locked_until  TIMESTAMP    NOT NULL,
    PRIMARY KEY (login_id, network)
);

CREATE INDEX ix_login_failure_locked_until ON login_failure (locked_until);

-- Networks an account has logged in from with its password. When an id that has logged in before has failures from
-- very many wide networks (a spraying attack), only these may still try it.
CREATE TABLE login_network (
    login_id      VARCHAR(255) NOT NULL,
    network       VARCHAR(64)  NOT NULL,
    last_success  TIMESTAMP    NOT NULL,
    PRIMARY KEY (login_id, network)
);

CREATE INDEX ix_login_network_last_success ON login_network (last_success);

DROP TABLE login_throttle;
