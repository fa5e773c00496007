-- The working-day calendar that the open deadlines were counted with: a copy of calendar_exception's days as they
-- stood when the deadlines were last counted. When an administrator corrects calendar_exception (next year's notice,
-- a projected day put right), the days differ, and review.deadlines.CalendarCorrections counts the open deadlines
-- again, once per cluster, then copies the corrected days here (calendar.DeadlineCalendar).
CREATE TABLE deadline_calendar (
    calendar_date  DATE        NOT NULL PRIMARY KEY,
    kind           VARCHAR(8)  NOT NULL,
    CONSTRAINT ck_deadline_calendar_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);

INSERT INTO deadline_calendar (calendar_date, kind) SELECT calendar_date, kind FROM calendar_exception;

INSERT INTO scheduler_lock (name, locked_until, locked_by) VALUES ('calendar-corrections', TIMESTAMP '2000-01-01 00:00:00', '');
