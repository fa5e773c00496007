-- The public service phone of each county (zone) industry bureau, shown to enterprises on the start page, on the
-- registration result and on a pending account's page: the bureau that activates the account and answers questions.
-- The values below are DEMO placeholders (0635 is Liaocheng's area code); before going live an administrator sets
-- each bureau's published service number (UPDATE org_division SET industry_bureau_phone = ... WHERE code = ...).
ALTER TABLE org_division ADD COLUMN industry_bureau_phone VARCHAR(32);

UPDATE org_division SET industry_bureau_phone = '0635-8000101' WHERE code = '371502';
UPDATE org_division SET industry_bureau_phone = '0635-8000102' WHERE code = '371503';
UPDATE org_division SET industry_bureau_phone = '0635-8000103' WHERE code = '371521';
UPDATE org_division SET industry_bureau_phone = '0635-8000104' WHERE code = '371522';
UPDATE org_division SET industry_bureau_phone = '0635-8000105' WHERE code = '371524';
UPDATE org_division SET industry_bureau_phone = '0635-8000106' WHERE code = '371525';
UPDATE org_division SET industry_bureau_phone = '0635-8000107' WHERE code = '371526';
UPDATE org_division SET industry_bureau_phone = '0635-8000108' WHERE code = '371581';
UPDATE org_division SET industry_bureau_phone = '0635-8000109' WHERE code = 'lcetdz';
UPDATE org_division SET industry_bureau_phone = '0635-8000110' WHERE code = 'lchtz';
UPDATE org_division SET industry_bureau_phone = '0635-8000111' WHERE code = 'lcjbsc';
