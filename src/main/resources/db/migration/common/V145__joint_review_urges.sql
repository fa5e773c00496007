-- The city industry bureau urges a joint-review body on a case at most once per day (Beijing time): the key makes a
-- second, concurrent urge of the same body fail, whichever of its steps (a new round's) it is.
CREATE TABLE joint_review_urge (
    application_id  BIGINT         NOT NULL REFERENCES application (id),
    body_group      VARCHAR(64)    NOT NULL,
    urge_day        DATE           NOT NULL,
    PRIMARY KEY (application_id, body_group, urge_day)
);
