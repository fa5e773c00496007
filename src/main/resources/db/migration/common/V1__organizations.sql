-- Organisations of the programme as data: county-level divisions (and the city's development zones),
-- the departments each level has, the 13 city bodies and the participating banks.
-- Camunda groups are derived from these rows at start (see organization.internal.GroupSynchronizer).

CREATE TABLE org_division (
    code        VARCHAR(16)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,   -- COUNTY (GB/T 2260 code) or ZONE (internal code)
    sort_order  INTEGER      NOT NULL
);

CREATE TABLE org_department (
    dept_key        VARCHAR(32)  NOT NULL PRIMARY KEY,
    city_name       VARCHAR(64)  NOT NULL,   -- the city body
    county_suffix   VARCHAR(64),             -- the county department's name after the county's; NULL: no county counterpart
    concern         VARCHAR(200) NOT NULL,
    sort_order      INTEGER      NOT NULL
);

CREATE TABLE org_bank (
    bank_key    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    sort_order  INTEGER      NOT NULL
);

INSERT INTO org_division (code, name, kind, sort_order) VALUES
 ('371502', '东昌府区', 'COUNTY', 1),
 ('371503', '茌平区',   'COUNTY', 2),
 ('371521', '阳谷县',   'COUNTY', 3),
 ('371522', '莘县',     'COUNTY', 4),
 ('371524', '东阿县',   'COUNTY', 5),
 ('371525', '冠县',     'COUNTY', 6),
 ('371526', '高唐县',   'COUNTY', 7),
 ('371581', '临清市',   'COUNTY', 8),
 ('lcetdz', '聊城经济技术开发区',     'ZONE', 9),
 ('lchtz',  '聊城高新技术产业开发区', 'ZONE', 10),
 ('lcjbsc', '江北水城旅游度假区',     'ZONE', 11);

INSERT INTO org_department (dept_key, city_name, county_suffix, concern, sort_order) VALUES
 ('industry',    '聊城市工业和信息化局',             '工业和信息化局',   '牵头：项目条件、技术水平、项目库、最终决定', 1),
 ('development', '聊城市发展和改革委员会',           '发展和改革局',     '投资备案、节能审查、中央预算内投资及超长期特别国债', 2),
 ('science',     '聊城市科学技术局',                 '科学技术局',       '研发设备、首台（套）创新', 3),
 ('finance',     '聊城市财政局',                     '财政局',           '奖补金额、资金下达与拨付', 4),
 ('land',        '聊城市自然资源和规划局',           '自然资源局',       '项目用地（不新增用地的简化手续）', 5),
 ('ecology',     '聊城市生态环境局',                 '生态环境分局',     '污染物排放、排放指标、绿色化改造', 6),
 ('emergency',   '聊城市应急管理局',                 '应急管理局',       '化工及安全生产设备', 7),
 ('approval',    '聊城市行政审批服务局',             '行政审批服务局',   '项目备案、简化审批', 8),
 ('market',      '聊城市市场监督管理局',             '市场监督管理局',   '检验检测设备、质量品牌', 9),
 ('pboc',        '中国人民银行聊城市分行',           '人民银行',         '再贷款清单、向银行推送项目', 10),
 ('tax',         '国家税务总局聊城市税务局',         '税务局',           '纳税信用；税收优惠政策指引', 11),
 ('nfra',        '国家金融监督管理总局聊城监管分局', '金融监管支局',     '银行监管、专项信贷额度', 12),
 ('telecom',     '聊城市信息通信发展办公室',         NULL,               '5G、千兆光网、工业互联网项目', 13);

INSERT INTO org_bank (bank_key, name, active, sort_order) VALUES
 ('icbc',  '中国工商银行聊城分行',     TRUE, 1),
 ('abc',   '中国农业银行聊城分行',     TRUE, 2),
 ('boc',   '中国银行聊城分行',         TRUE, 3),
 ('ccb',   '中国建设银行聊城分行',     TRUE, 4),
 ('bocom', '交通银行聊城分行',         TRUE, 5),
 ('lcrcb', '山东聊城农村商业银行',     TRUE, 6);
