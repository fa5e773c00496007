-- Banks as data with eligibility: only the 21 national institutions that lend the technology-innovation and
-- technical-renovation re-lending (April 2024) may grant loans with re-lending funds; local banks may lend for
-- listed projects but not with re-lending. The list below is the eligible national banks with a branch in
-- Liaocheng plus local banks; administrators keep it current (see docs/administrator-guide.md).
ALTER TABLE org_bank ADD COLUMN relending_eligible BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE org_bank SET relending_eligible = TRUE WHERE bank_key IN ('icbc', 'abc', 'boc', 'ccb', 'bocom');
UPDATE org_bank SET name = '山东聊城农村商业银行', relending_eligible = FALSE WHERE bank_key = 'lcrcb';
UPDATE org_bank SET sort_order = 90 WHERE bank_key = 'lcrcb';

INSERT INTO org_bank (bank_key, name, active, sort_order, relending_eligible) VALUES
 ('psbc',  '中国邮政储蓄银行聊城市分行', TRUE, 6,  TRUE),
 ('adbc',  '中国农业发展银行聊城市分行', TRUE, 7,  TRUE),
 ('citic', '中信银行聊城分行',           TRUE, 8,  TRUE),
 ('ceb',   '中国光大银行聊城分行',       TRUE, 9,  TRUE),
 ('hxb',   '华夏银行聊城分行',           TRUE, 10, TRUE),
 ('cmbc',  '中国民生银行聊城分行',       TRUE, 11, TRUE),
 ('cmb',   '招商银行聊城分行',           TRUE, 12, TRUE),
 ('cib',   '兴业银行聊城分行',           TRUE, 13, TRUE),
 ('hfb',   '恒丰银行聊城分行',           TRUE, 14, TRUE),
 ('qlb',   '齐鲁银行聊城分行',           TRUE, 91, FALSE);

-- The kind of loan a bank granted decides which national interest-subsidy rule can apply (2026: fixed-asset loans
-- of equipment-renewal projects and re-lending-backed technology-innovation loans).
ALTER TABLE application ADD COLUMN granted_loan_type VARCHAR(32);
