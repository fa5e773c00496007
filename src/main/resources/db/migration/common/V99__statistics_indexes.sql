-- The statistics dashboard filters applications by the time of first submission (a year) and, for county bodies,
-- by county; the processing-time view joins opinions to their application and, for open tasks, finds the case by
-- its process instance.
CREATE INDEX ix_application_submitted ON application (submitted_at, division_code);
CREATE INDEX ix_application_division_submitted ON application (division_code, submitted_at);
CREATE INDEX ix_application_process_instance ON application (process_instance_id);
