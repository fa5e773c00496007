-- China's official working-day calendar as data: the days that break the Monday-to-Friday rule.
-- HOLIDAY: a day off (every day of each holiday block is listed, weekend days included, so the rows read like the notice);
-- WORKDAY: a weekend day worked instead (调休上班). Deadlines count working days over this table (calendar.WorkingDays),
-- which refuses dates in years that have no rows here: add next year's rows when the State Council publishes them.
-- source: 'official' = from 国务院办公厅关于20xx年部分节假日安排的通知; 'projected' = derived by us from the rules of
-- 《全国年节及纪念日放假办法》(2024 revision) and the lunar dates before the notice was known. An administrator must
-- compare projected rows with the notice (normally published in November of the year before) and correct them.

CREATE TABLE calendar_exception (
    calendar_date  DATE         NOT NULL PRIMARY KEY,
    kind           VARCHAR(8)   NOT NULL,
    holiday_name   VARCHAR(32)  NOT NULL,
    source         VARCHAR(10)  NOT NULL,
    CONSTRAINT ck_calendar_exception_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    CONSTRAINT ck_calendar_exception_source CHECK (source IN ('official', 'projected'))
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知
INSERT INTO calendar_exception (calendar_date, kind, holiday_name, source) VALUES
 (DATE '2025-01-01', 'HOLIDAY', '元旦', 'official'),
 (DATE '2025-01-26', 'WORKDAY', '春节', 'official'),
 (DATE '2025-01-28', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-01-29', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-01-30', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-01-31', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-02-01', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-02-02', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-02-03', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-02-04', 'HOLIDAY', '春节', 'official'),
 (DATE '2025-02-08', 'WORKDAY', '春节', 'official'),
 (DATE '2025-04-04', 'HOLIDAY', '清明节', 'official'),
 (DATE '2025-04-05', 'HOLIDAY', '清明节', 'official'),
 (DATE '2025-04-06', 'HOLIDAY', '清明节', 'official'),
 (DATE '2025-04-27', 'WORKDAY', '劳动节', 'official'),
 (DATE '2025-05-01', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2025-05-02', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2025-05-03', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2025-05-04', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2025-05-05', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2025-05-31', 'HOLIDAY', '端午节', 'official'),
 (DATE '2025-06-01', 'HOLIDAY', '端午节', 'official'),
 (DATE '2025-06-02', 'HOLIDAY', '端午节', 'official'),
 (DATE '2025-09-28', 'WORKDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-01', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-02', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-03', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-04', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-05', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-06', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-07', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-08', 'HOLIDAY', '国庆节、中秋节', 'official'),
 (DATE '2025-10-11', 'WORKDAY', '国庆节、中秋节', 'official');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知
INSERT INTO calendar_exception (calendar_date, kind, holiday_name, source) VALUES
 (DATE '2026-01-01', 'HOLIDAY', '元旦', 'official'),
 (DATE '2026-01-02', 'HOLIDAY', '元旦', 'official'),
 (DATE '2026-01-03', 'HOLIDAY', '元旦', 'official'),
 (DATE '2026-01-04', 'WORKDAY', '元旦', 'official'),
 (DATE '2026-02-14', 'WORKDAY', '春节', 'official'),
 (DATE '2026-02-15', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-16', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-17', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-18', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-19', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-20', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-21', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-22', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-23', 'HOLIDAY', '春节', 'official'),
 (DATE '2026-02-28', 'WORKDAY', '春节', 'official'),
 (DATE '2026-04-04', 'HOLIDAY', '清明节', 'official'),
 (DATE '2026-04-05', 'HOLIDAY', '清明节', 'official'),
 (DATE '2026-04-06', 'HOLIDAY', '清明节', 'official'),
 (DATE '2026-05-01', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2026-05-02', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2026-05-03', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2026-05-04', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2026-05-05', 'HOLIDAY', '劳动节', 'official'),
 (DATE '2026-05-09', 'WORKDAY', '劳动节', 'official'),
 (DATE '2026-06-19', 'HOLIDAY', '端午节', 'official'),
 (DATE '2026-06-20', 'HOLIDAY', '端午节', 'official'),
 (DATE '2026-06-21', 'HOLIDAY', '端午节', 'official'),
 (DATE '2026-09-20', 'WORKDAY', '国庆节', 'official'),
 (DATE '2026-09-25', 'HOLIDAY', '中秋节', 'official'),
 (DATE '2026-09-26', 'HOLIDAY', '中秋节', 'official'),
 (DATE '2026-09-27', 'HOLIDAY', '中秋节', 'official'),
 (DATE '2026-10-01', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-02', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-03', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-04', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-05', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-06', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-07', 'HOLIDAY', '国庆节', 'official'),
 (DATE '2026-10-10', 'WORKDAY', '国庆节', 'official');

-- 2027: PROJECTED, not yet checked against 国务院办公厅关于2027年部分节假日安排的通知.
-- Rules applied: legal days 元旦 1, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3; legal days on a
-- weekend are made up on the next weekdays; at most two make-up weekend days per holiday, never two in a row; at most
-- six consecutive working days around a holiday; a single-day holiday on a Wednesday stands alone (as 元旦 2025).
--  元旦 Fri 1/1: 1/1-1/3, no make-up day.
--  春节 除夕 Fri 2/5 (初一 Sat 2/6): an 8-day block from 除夕 would end on Friday 2/12 next to a weekend, so, as in
--    2026, a 9-day block 2/5-2/13 with make-up days Sun 1/31 and Sun 2/14 (works 1/31-2/4 and 2/14-2/19).
--  清明 Mon 4/5: 4/3-4/5.   劳动节 Sat 5/1: 5/1-5/5 with make-up Sat 5/8 (as 2026's Saturday after the block).
--  端午 Wed 6/9 and 中秋 Wed 9/15: the day itself only.
--  国庆 Fri 10/1: 10/1-10/7 with make-up days Sun 9/26 and Sat 10/9 (the same shape as 2021, when 10/1 was a Friday).
INSERT INTO calendar_exception (calendar_date, kind, holiday_name, source) VALUES
 (DATE '2027-01-01', 'HOLIDAY', '元旦', 'projected'),
 (DATE '2027-01-02', 'HOLIDAY', '元旦', 'projected'),
 (DATE '2027-01-03', 'HOLIDAY', '元旦', 'projected'),
 (DATE '2027-01-31', 'WORKDAY', '春节', 'projected'),
 (DATE '2027-02-05', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-06', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-07', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-08', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-09', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-10', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-11', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-12', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-13', 'HOLIDAY', '春节', 'projected'),
 (DATE '2027-02-14', 'WORKDAY', '春节', 'projected'),
 (DATE '2027-04-03', 'HOLIDAY', '清明节', 'projected'),
 (DATE '2027-04-04', 'HOLIDAY', '清明节', 'projected'),
 (DATE '2027-04-05', 'HOLIDAY', '清明节', 'projected'),
 (DATE '2027-05-01', 'HOLIDAY', '劳动节', 'projected'),
 (DATE '2027-05-02', 'HOLIDAY', '劳动节', 'projected'),
 (DATE '2027-05-03', 'HOLIDAY', '劳动节', 'projected'),
 (DATE '2027-05-04', 'HOLIDAY', '劳动节', 'projected'),
 (DATE '2027-05-05', 'HOLIDAY', '劳动节', 'projected'),
 (DATE '2027-05-08', 'WORKDAY', '劳动节', 'projected'),
 (DATE '2027-06-09', 'HOLIDAY', '端午节', 'projected'),
 (DATE '2027-09-15', 'HOLIDAY', '中秋节', 'projected'),
 (DATE '2027-09-26', 'WORKDAY', '国庆节', 'projected'),
 (DATE '2027-10-01', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-02', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-03', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-04', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-05', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-06', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-07', 'HOLIDAY', '国庆节', 'projected'),
 (DATE '2027-10-09', 'WORKDAY', '国庆节', 'projected');
