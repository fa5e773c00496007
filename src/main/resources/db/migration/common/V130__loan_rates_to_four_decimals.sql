-- A bank reports its loan's annual rate to four decimals (the bank-decision form takes 3.0625), and the listing
-- notice states the rate as reported: keep the fourth decimal instead of rounding it away (3.063).
ALTER TABLE loan_offer ALTER COLUMN rate SET DATA TYPE NUMERIC(7, 4);
ALTER TABLE application ALTER COLUMN granted_rate SET DATA TYPE NUMERIC(7, 4);
