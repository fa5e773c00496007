-- County departments as officially styled. Most are "<county><department>", but the ecology bureaus are branches
-- of the city bureau (聊城市生态环境局冠县分局), and the tax, central-bank and financial-regulation offices belong
-- to national systems (国家税务总局冠县税务局, 中国人民银行冠县支行, 国家金融监督管理总局冠县监管支局).
-- {county} stands for the division's name.
ALTER TABLE org_department ADD COLUMN county_name VARCHAR(64);

UPDATE org_department SET county_name = '{county}工业和信息化局'        WHERE dept_key = 'industry';
UPDATE org_department SET county_name = '{county}发展和改革局'          WHERE dept_key = 'development';
UPDATE org_department SET county_name = '{county}科学技术局'            WHERE dept_key = 'science';
UPDATE org_department SET county_name = '{county}财政局'                WHERE dept_key = 'finance';
UPDATE org_department SET county_name = '{county}自然资源和规划局'      WHERE dept_key = 'land';
UPDATE org_department SET county_name = '聊城市生态环境局{county}分局'  WHERE dept_key = 'ecology';
UPDATE org_department SET county_name = '{county}应急管理局'            WHERE dept_key = 'emergency';
UPDATE org_department SET county_name = '{county}行政审批服务局'        WHERE dept_key = 'approval';
UPDATE org_department SET county_name = '{county}市场监督管理局'        WHERE dept_key = 'market';
UPDATE org_department SET county_name = '中国人民银行{county}支行'      WHERE dept_key = 'pboc';
UPDATE org_department SET county_name = '国家税务总局{county}税务局'    WHERE dept_key = 'tax';
UPDATE org_department SET county_name = '国家金融监督管理总局{county}监管支局' WHERE dept_key = 'nfra';

ALTER TABLE org_department DROP COLUMN county_suffix;

UPDATE org_division SET name = '聊城市江北水城旅游度假区' WHERE code = 'lcjbsc';
