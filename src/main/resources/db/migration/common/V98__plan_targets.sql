-- The plan's targets as data (聊工信发〔2024〕37号, 一、总体要求 and the key tasks): one row per indicator and target
-- year, with the policy's wording, the responsible body and how progress is measured. Administrators edit the rows
-- (statistics page, audited); the responsible body enters periodic values for REPORTED targets.
--   measure = COMPUTED: the system computes the current value from its own data; computed_from names the figure
--             (see statistics.internal.ComputedFigure), e.g. APPROVED_EQUIPMENT_INVESTMENT = equipment investment of
--             project registrations approved into the project library, by year of decision.
--   measure = REPORTED: the responsible body enters the value periodically (plan_target_value).
--   baseline_year/baseline_value: for a growth target (e.g. +30 % over 2023) progress is value / baseline - 1,
--             in percent; value_unit is then the unit of the values entered or computed (亿元).
CREATE TABLE plan_target (
    target_key      VARCHAR(40)    NOT NULL PRIMARY KEY,
    indicator       VARCHAR(64)    NOT NULL,
    wording         VARCHAR(300)   NOT NULL,
    target_year     INTEGER        NOT NULL,
    target_value    NUMERIC(18, 2) NOT NULL,
    unit            VARCHAR(16)    NOT NULL,
    comparison      VARCHAR(12)    NOT NULL,   -- AT_LEAST (以上/超过/达到), ABOUT (左右)
    value_unit      VARCHAR(16)    NOT NULL,
    baseline_year   INTEGER,
    baseline_value  NUMERIC(18, 2),
    body_key        VARCHAR(32)    NOT NULL REFERENCES org_department (dept_key),
    measure         VARCHAR(12)    NOT NULL,
    computed_from   VARCHAR(40),
    measure_note    VARCHAR(300)   NOT NULL,
    sort_order      INTEGER        NOT NULL,
    version         INTEGER        NOT NULL,
    updated_at      TIMESTAMP      NOT NULL,
    updated_by      VARCHAR(64)    NOT NULL,
    CONSTRAINT ck_plan_target_measure CHECK (measure IN ('COMPUTED', 'REPORTED')),
    CONSTRAINT ck_plan_target_comparison CHECK (comparison IN ('AT_LEAST', 'ABOUT')),
    CONSTRAINT ck_plan_target_computed CHECK ((measure = 'COMPUTED') = (computed_from IS NOT NULL))
);

-- Values entered by the responsible body: the indicator's level at the end of a period (a quarter or a year). One
-- value per target and period; a correction replaces it and the audit trail keeps what it replaced.
CREATE TABLE plan_target_value (
    target_key      VARCHAR(40)    NOT NULL REFERENCES plan_target (target_key),
    period_end      DATE           NOT NULL,
    reported_value  NUMERIC(18, 2) NOT NULL,
    note            VARCHAR(500),
    entered_by      VARCHAR(64)    NOT NULL,
    entered_by_name VARCHAR(128)   NOT NULL,
    entered_at      TIMESTAMP      NOT NULL,
    CONSTRAINT pk_plan_target_value PRIMARY KEY (target_key, period_end)
);

INSERT INTO plan_target (target_key, indicator, wording, target_year, target_value, unit, comparison, value_unit,
                         baseline_year, baseline_value, body_key, measure, computed_from, measure_note, sort_order,
                         version, updated_at, updated_by) VALUES
 ('high-tech-share-2025', '高新技术产业产值占比',
  '到2025年，全市高新技术产业产值占规模以上工业总产值比重达到53%左右', 2025, 53, '%', 'ABOUT', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按统计部门年度数据，由市工业和信息化局录入', 10, 0, CURRENT_TIMESTAMP, 'system'),
 ('digital-key-processes-2025', '关键业务环节全面数字化率',
  '到2025年，规模以上制造业企业关键业务环节全面数字化率达到70%', 2025, 70, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按两化融合评估数据，由市工业和信息化局录入', 20, 0, CURRENT_TIMESTAMP, 'system'),
 ('energy-benchmark-2025', '重点领域达到能效标杆水平的产能比例',
  '到2025年，工业重点领域达到能效标杆水平的产能比例达到35%', 2025, 35, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按节能监察和能效对标数据，由市工业和信息化局录入', 30, 0, CURRENT_TIMESTAMP, 'system'),
 ('smart-factories-2025', '省级以上智能工厂、数字化车间、智能制造场景',
  '力争到2025年，累计打造省级以上智能工厂、数字化车间、智能制造场景80个以上', 2025, 80, '个', 'AT_LEAST', '个', NULL, NULL,
  'industry', 'REPORTED', NULL, '累计认定数，由市工业和信息化局按省级公布名单录入', 40, 0, CURRENT_TIMESTAMP, 'system'),
 ('5g-base-stations-2025', '5G基站',
  '力争到2025年，建设开通5G基站1.4万个以上', 2025, 14000, '个', 'AT_LEAST', '个', NULL, NULL,
  'telecom', 'REPORTED', NULL, '累计开通数，由市信息通信发展办公室按季度录入', 50, 0, CURRENT_TIMESTAMP, 'system'),
 ('green-factories-2025', '省级以上绿色工厂',
  '到2025年，累计建成省级以上绿色工厂55家', 2025, 55, '家', 'AT_LEAST', '家', NULL, NULL,
  'industry', 'REPORTED', NULL, '累计认定数，由市工业和信息化局按省级公布名单录入', 60, 0, CURRENT_TIMESTAMP, 'system'),
 ('green-parks-2025', '省级以上绿色工业园区',
  '到2025年，累计建成省级以上绿色工业园区5个', 2025, 5, '个', 'AT_LEAST', '个', NULL, NULL,
  'industry', 'REPORTED', NULL, '累计认定数，由市工业和信息化局录入', 70, 0, CURRENT_TIMESTAMP, 'system'),
 ('equipment-revenue-2025', '装备制造业营业收入',
  '到2025年，装备制造业营业收入达到750亿元左右', 2025, 750, '亿元', 'ABOUT', '亿元', NULL, NULL,
  'industry', 'REPORTED', NULL, '按统计部门年度数据，由市工业和信息化局录入', 80, 0, CURRENT_TIMESTAMP, 'system'),
 ('high-end-equipment-share-2025', '高端装备占装备制造业比重',
  '力争高端装备占装备制造业比重达50%', 2025, 50, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按统计部门年度数据，由市工业和信息化局录入', 90, 0, CURRENT_TIMESTAMP, 'system'),
 ('first-of-kind-products-2025', '省级首台（套）技术装备及关键核心零部件产品',
  '到2025年，培育省级首台（套）技术装备及关键核心零部件产品达到100项', 2025, 100, '项', 'AT_LEAST', '项', NULL, NULL,
  'industry', 'REPORTED', NULL, '累计认定数，由市工业和信息化局（会同市科技局）录入', 100, 0, CURRENT_TIMESTAMP, 'system'),
 ('first-of-kind-promoted-yearly', '每年推广首台（套）装备、首批次材料、首版次软件',
  '每年推广首台（套）装备、首批次材料、首版次软件10项以上', 2025, 10, '项/年', 'AT_LEAST', '项', NULL, NULL,
  'industry', 'REPORTED', NULL, '当年推广数（每年一值，期末日期填当年12月31日），由市工业和信息化局录入', 110, 0, CURRENT_TIMESTAMP, 'system'),
 ('equipment-investment-growth-2027', '工业领域设备投资较2023年增长',
  '到2027年，全市工业领域设备投资较2023年增长30%以上', 2027, 30, '%', 'AT_LEAST', '亿元', 2023, NULL,
  'industry', 'COMPUTED', 'APPROVED_EQUIPMENT_INVESTMENT',
  '本系统批准入库项目的设备投资，按批准年度汇总；与2023年基数比较（基数由管理员按统计数据录入）', 120, 0, CURRENT_TIMESTAMP, 'system'),
 ('digital-rd-tools-2027', '数字化研发设计工具普及率',
  '到2027年，规模以上工业企业数字化研发设计工具普及率超过92%', 2027, 92, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按两化融合评估数据，由市工业和信息化局录入', 130, 0, CURRENT_TIMESTAMP, 'system'),
 ('cnc-key-processes-2027', '关键工序数控化率',
  '到2027年，规模以上工业企业关键工序数控化率超过75%', 2027, 75, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '按两化融合评估数据，由市工业和信息化局录入', 140, 0, CURRENT_TIMESTAMP, 'system'),
 ('digital-transformation-2027', '规模以上工业企业数字化转型覆盖率',
  '到2027年，规模以上工业企业数字化转型实现全覆盖', 2027, 100, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '已实施数字化转型的规模以上工业企业占比，由市工业和信息化局录入', 150, 0, CURRENT_TIMESTAMP, 'system'),
 ('below-efficiency-baseline-renewed-2027', '低于能效基准水平的产能完成更新改造比例',
  '到2027年，工业重点行业低于能效基准水平的全部完成更新改造', 2027, 100, '%', 'AT_LEAST', '%', NULL, NULL,
  'industry', 'REPORTED', NULL, '已完成改造的比例，由市工业和信息化局会同市发展改革委录入', 160, 0, CURRENT_TIMESTAMP, 'system');
