-- The interest subsidy's terms as the rule in force gave them (points a year, months covered, cap), kept with the
-- amount so the case page and the API show what was decided even after an administrator edits the DMN table.
ALTER TABLE application ADD COLUMN interest_subsidy_points NUMERIC(6, 3);
ALTER TABLE application ADD COLUMN interest_subsidy_months INTEGER;
ALTER TABLE application ADD COLUMN interest_subsidy_cap NUMERIC(16, 2);

-- The integrity declaration (诚信承诺) confirmed at the latest submission: who, when, which wording.
ALTER TABLE application ADD COLUMN declared_by VARCHAR(64);
ALTER TABLE application ADD COLUMN declared_by_name VARCHAR(128);
ALTER TABLE application ADD COLUMN declared_at TIMESTAMP;
ALTER TABLE application ADD COLUMN declaration_version VARCHAR(16);
