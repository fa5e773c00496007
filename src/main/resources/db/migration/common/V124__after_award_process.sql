-- The after-award processes the product itself started for an application (subsidy-aftercare when the subsidy was
-- allocated, clawback when the clawback started): one of each kind per application, recorded in the transaction that
-- starts it. A step of one of these processes acts on the application only in the root instance recorded here
-- (review.process.CasePins), as a review step acts only in the review process the application records
-- (application.process_instance_id); an instance started by hand with the application's business key acts on nothing.
-- The instances running or ended before this was kept are recorded by the next migration.
CREATE TABLE after_award_process (
    application_id         BIGINT         NOT NULL REFERENCES application (id),
    process_key            VARCHAR(64)    NOT NULL,   -- subsidy-aftercare, clawback
    process_instance_id    VARCHAR(64)    NOT NULL,
    recorded_at            TIMESTAMP      NOT NULL,
    CONSTRAINT pk_after_award_process PRIMARY KEY (application_id, process_key),
    CONSTRAINT uk_after_award_process_instance UNIQUE (process_instance_id)
);
