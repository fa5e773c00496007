package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.Department;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.statistics.MoneyFlow;
import cn.liaocheng.renewal.statistics.MoneyFlowQuery;
import cn.liaocheng.renewal.statistics.MoneyFlows;
import cn.liaocheng.renewal.statistics.MoneyMeasure;

/**
 * The dashboard's views as tables (the same tables the exports write) and the charts
 * drawn from them. Every view is a few aggregate queries, whatever the number of
 * applications.
 */
@Service
public class Dashboard {

	public static final ZoneId CHINA_ZONE = ChinaTime.ZONE;

	/**
	 * The views in the order the page shows them; the keys are those of the export URLs.
	 */
	public static final List<String> VIEWS = List.of("county", "task", "kind", "month", "batch", "stages", "bodies",
			"loans", "money", "targets");

	private static final List<String> FIGURE_HEADERS = List.of("申报件数", "已批准", "未获支持", "办理中", "撤回或失效", "申报设备投资（万元）",
			"批准入库设备投资（万元）", "拟补助（办理中及已下达，万元）", "下达补助（万元）", "申请贷款（万元）", "银行授信（万元）");

	/**
	 * What puts an application in the selected year, in every figure table but the batch
	 * view.
	 */
	private static final String BY_FIRST_SUBMISSION = "按首次提交申报的时间统计";

	private static final String ALLOCATED = "奖补资金已下达（批准）";

	private static final String INTEREST_APPROVED = "贷款贴息已核定（批准）";

	/**
	 * How a loan decided by tranche is counted among the decided interest subsidies: its
	 * decision determined no amount, so its tranches' caps stand for it; and how a
	 * determined total changes once a tranche under a rule of another rate or term
	 * accrues outside it.
	 */
	static final String TRANCHE_NOTE = "按《贷款贴息分笔核定决定书》办理的贷款计入核定贴息笔数，其核定贴息金额为已计入贴息台账的各笔放款的贴息上限之和"
			+ "（放款本金 × 该笔贴息比例 × 贴息月数 ÷ 12），此后各笔首次计提时增加；按《贷款贴息确认通知书》办理的贷款，此后有一笔放款适用不同的贴息比例或期限的，"
			+ "该笔首次计提后，核定贴息金额为核定总额扣减该笔放款本金按核定比例和期限计算的金额，再加上该笔的贴息上限；";

	private final DashboardQueries queries;

	private final PlanTargets targets;

	private final OrganizationCatalog catalog;

	private final ObjectProvider<MoneyFlows> moneyFlows;

	Dashboard(DashboardQueries queries, PlanTargets targets, OrganizationCatalog catalog,
			ObjectProvider<MoneyFlows> moneyFlows) {
		this.queries = queries;
		this.targets = targets;
		this.catalog = catalog;
		this.moneyFlows = moneyFlows;
	}

	/** One view; {@link Optional#empty()} for a key that is not a view. */
	@Transactional(readOnly = true)
	public Optional<StatTable> table(String view, StatisticsScope scope) {
		return switch (view) {
			case "county" -> Optional.of(byCounty(scope));
			case "task" -> Optional.of(figures("task", "按重点任务", "重点任务", Dimension.TASK, scope, this::taskLabel,
					Comparator.comparing(Dashboard::taskOrder)));
			case "kind" -> Optional.of(figures("kind", "按申报类型", "申报类型", Dimension.KIND, scope, Dashboard::kindLabel,
					Comparator.comparing(Dashboard::kindOrder)));
			case "month" -> Optional.of(figures("month", "按申报月份", "申报月份", Dimension.MONTH, scope, Dashboard::monthLabel,
					Comparator.comparing(k -> k == null ? "" : k)));
			case "batch" -> Optional.of(byBatch(scope));
			case "stages" -> Optional.of(stages(scope));
			case "bodies" -> Optional.of(bodies(scope, Instant.now()));
			case "loans" -> Optional.of(loans(scope));
			case "money" -> Optional.of(money(scope));
			case "targets" -> Optional.of(targetTable(progress(scope)));
			default -> Optional.empty();
		};
	}

	/**
	 * Every view, in page order, the targets' from {@code progress} already computed for
	 * the same scope (the page shows it in a chart too).
	 */
	@Transactional(readOnly = true)
	public Map<String, StatTable> all(StatisticsScope scope, List<TargetProgress> progress) {
		Map<String, StatTable> tables = new LinkedHashMap<>();
		for (String view : VIEWS) {
			tables.put(view, view.equals("targets") ? targetTable(progress) : table(view, scope).orElseThrow());
		}
		return tables;
	}

	/**
	 * Where each target stands for the scope (computed figures limited to the scope's
	 * counties).
	 */
	@Transactional(readOnly = true)
	public List<TargetProgress> progress(StatisticsScope scope) {
		Map<String, TargetValue> latest = targets.latestValues();
		Map<String, String> bodies = new LinkedHashMap<>();
		for (Department d : catalog.departments()) {
			bodies.put(d.key(), d.cityName());
		}
		int year = scope.year() != null ? scope.year() : LocalDate.now(CHINA_ZONE).getYear();
		List<TargetProgress> rows = new ArrayList<>();
		// One query for every computed target: they all read the same figure.
		BigDecimal approved = null;
		for (PlanTarget target : targets.all()) {
			String body = bodies.getOrDefault(target.bodyKey(), target.bodyKey());
			BigDecimal value;
			String asOf;
			String valueText;
			if (target.reported()) {
				TargetValue v = latest.get(target.key());
				value = v == null ? null : v.value();
				asOf = v == null ? null : v.periodEnd().toString();
				valueText = v == null ? null : Numbers.plain(v.value()) + " " + target.valueUnit();
			}
			else {
				if (approved == null) {
					approved = queries.approvedEquipmentInvestment(year, scope);
				}
				value = Numbers.yi(approved);
				asOf = year + "年" + (scope.cityWide() ? "" : "（仅本辖区）");
				valueText = Numbers.plain(value) + " 亿元";
				if (!scope.cityWide() && target.growth()) {
					// The baseline is the city's: a county's part of it has none to grow
					// from.
					rows.add(new TargetProgress(target, body, null, valueText, asOf, null, null, "基数为全市数据，不计算本辖区增幅"));
					continue;
				}
			}
			rows.add(progressOf(target, body, value, valueText, asOf));
		}
		return rows;
	}

	static TargetProgress progressOf(PlanTarget target, String body, BigDecimal value, String valueText, String asOf) {
		if (value == null) {
			return new TargetProgress(target, body, null, "待填报", null, null, null, "责任单位尚未填报");
		}
		BigDecimal current = value;
		String text = valueText;
		if (target.growth()) {
			if (target.baselineValue() == null) {
				return new TargetProgress(target, body, null, valueText, asOf, null, null,
						target.baselineYear() + "年基数待录入");
			}
			// Cut, not rounded, to hundredths: a growth of 29.95 % is not shown as 30 %
			// nor taken as reaching it.
			current = value.subtract(target.baselineValue())
				.multiply(BigDecimal.valueOf(100))
				.divide(target.baselineValue(), 2, RoundingMode.DOWN);
			text = valueText + "，较" + target.baselineYear() + "年" + (current.signum() >= 0 ? "增长 " : "下降 ")
					+ Numbers.plain(current.abs()) + " %";
		}
		BigDecimal achieved = target.growth() ? Numbers.percent(current.max(BigDecimal.ZERO), target.targetValue())
				: Numbers.percent(current, target.targetValue());
		BigDecimal gap = target.targetValue().subtract(current).setScale(2, RoundingMode.HALF_UP);
		return new TargetProgress(target, body, current, text, asOf, achieved, gap, null);
	}

	private StatTable byCounty(StatisticsScope scope) {
		Map<String, Figures> found = new LinkedHashMap<>();
		queries.figures(Dimension.COUNTY, scope).forEach(f -> found.put(f.key(), f));
		List<Figures> rows = new ArrayList<>();
		for (Division division : catalog.divisions()) {
			if (scope.cityWide() || scope.divisions().contains(division.code())) {
				rows.add(found.getOrDefault(division.code(), Figures.zero(division.code())));
			}
		}
		Map<String, String> names = divisionNames();
		return figureTable("county", "按县（市、区）", "县（市、区）", rows, code -> names.getOrDefault(code, code),
				BY_FIRST_SUBMISSION);
	}

	/**
	 * By application window (申报批次), in the order the windows opened; earlier submissions
	 * have none.
	 */
	private StatTable byBatch(StatisticsScope scope) {
		Map<String, String> names = queries.windowNames();
		List<String> order = new ArrayList<>(names.keySet());
		return figureTable("batch", "按申报批次", "申报批次",
				sorted(queries.figures(Dimension.BATCH, scope), Comparator.comparing(order::indexOf)),
				key -> key == null ? "未记入批次（批次管理启用前提交）" : names.getOrDefault(key, "批次 " + key),
				"按申报批次的年度统计（批次年度以申报通知为准，次年度的批次可在上年12月开放；批次管理启用前提交的按首次提交申报的时间统计）");
	}

	private StatTable figures(String key, String title, String first, Dimension dimension, StatisticsScope scope,
			Function<String, String> label, Comparator<String> order) {
		return figureTable(key, title, first, sorted(queries.figures(dimension, scope), order), label,
				BY_FIRST_SUBMISSION);
	}

	private static List<Figures> sorted(List<Figures> figures, Comparator<String> order) {
		List<Figures> rows = new ArrayList<>(figures);
		rows.sort(Comparator.comparing(Figures::key, Comparator.nullsLast(order)));
		return rows;
	}

	/**
	 * @param basis which time puts an application in the selected year, the note's first
	 * sentence
	 */
	private static StatTable figureTable(String key, String title, String first, List<Figures> figures,
			Function<String, String> label, String basis) {
		List<String> headers = new ArrayList<>();
		headers.add(first);
		headers.addAll(FIGURE_HEADERS);
		List<List<Object>> rows = new ArrayList<>();
		Figures total = Figures.zero("合计");
		for (Figures f : figures) {
			rows.add(figureRow(label.apply(f.key()), f));
			total = total.plus(f);
		}
		rows.add(figureRow("合计", total));
		return new StatTable(key, title, basis
				+ "，申报内容按最后一次提交；补助和贷款按其所属项目的重点任务归类。“下达补助”为资金下达决定所列金额，其后经追回程序认定应予撤销或追回的仍计入，另见“资金下达、拨付与追回”表。金额单位：万元。",
				headers, rows, true);
	}

	private static List<Object> figureRow(String label, Figures f) {
		return List.of(label, f.submitted(), f.approved(), f.refused(), f.underReview(), f.ended(),
				Numbers.wan(f.equipmentSubmitted()), Numbers.wan(f.equipmentApproved()),
				Numbers.wan(f.subsidyAssessed()), Numbers.wan(f.subsidyAllocated()), Numbers.wan(f.loanRequested()),
				Numbers.wan(f.loanGranted()));
	}

	private StatTable stages(StatisticsScope scope) {
		List<DashboardQueries.Durations> found = new ArrayList<>(queries.durations("step", scope));
		found.sort(Comparator.comparingDouble(DashboardQueries.Durations::averageMillis).reversed());
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardQueries.Durations d : found) {
			rows.add(List.of(d.name(), d.handled(), Numbers.days(d.averageMillis()), Numbers.days(d.longestMillis()),
					d.late(), share(d.late(), d.handled())));
		}
		return new StatTable("stages", "各审核环节办理用时",
				"所选年度内办结的审核任务（按任务办结的时间统计）；时限为任务的办理期限（一般为5个工作日，可由管理员调整），超期办结指办结晚于期限。用时按自然日计。",
				List.of("审核环节", "办理件数", "平均用时（天）", "最长用时（天）", "超期办结", "超时率（%）"), rows, false);
	}

	private StatTable bodies(StatisticsScope scope, Instant now) {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.reviewGroups().forEach(g -> names.put(g.id(), g.name()));
		Map<String, DashboardQueries.OpenTasks> open = new LinkedHashMap<>();
		queries.openTasks(scope, now).forEach(o -> open.put(o.group(), o));
		List<DashboardQueries.Durations> done = new ArrayList<>(queries.durations("body_group", scope));
		for (String group : open.keySet()) {
			if (done.stream().noneMatch(d -> d.group().equals(group))) {
				done.add(new DashboardQueries.Durations(group, names.getOrDefault(group, group), 0, 0, 0, 0));
			}
		}
		done.sort(Comparator.comparingDouble(DashboardQueries.Durations::averageMillis)
			.reversed()
			.thenComparing(DashboardQueries.Durations::group));
		List<List<Object>> rows = new ArrayList<>();
		for (DashboardQueries.Durations d : done) {
			DashboardQueries.OpenTasks o = open.getOrDefault(d.group(),
					new DashboardQueries.OpenTasks(d.group(), 0, 0));
			rows.add(Arrays.asList(names.getOrDefault(d.group(), d.name()), d.handled(),
					d.handled() == 0 ? null : Numbers.days(d.averageMillis()),
					d.handled() == 0 ? null : Numbers.days(d.longestMillis()), d.late(), share(d.late(), d.handled()),
					o.open(), o.overdue()));
		}
		return new StatTable("bodies", "各审核单位办理用时（由慢到快）",
				"平均用时最长的单位在前；办结件数和用时按任务办结的时间统计；在办件数和在办已超期为当前尚未办结的任务，不限年度，在办已超期指已过办理期限的任务。",
				List.of("审核单位", "办结件数", "平均用时（天）", "最长用时（天）", "超期办结", "超时率（%）", "在办件数", "在办已超期"), rows, false);
	}

	private StatTable loans(StatisticsScope scope) {
		Map<String, DashboardQueries.LoanFigures> found = new LinkedHashMap<>();
		queries.loans(scope).forEach(l -> found.put(l.division(), l));
		List<List<Object>> rows = new ArrayList<>();
		long[] counts = new long[4];
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		for (Division division : catalog.divisions()) {
			DashboardQueries.LoanFigures l = found.get(division.code());
			if (l == null) {
				continue;
			}
			rows.add(List.of(division.name(), l.submitted(), Numbers.wan(l.requested()), l.listed(),
					Numbers.wan(l.listedAmount()), l.granted(), Numbers.wan(l.grantedAmount()), l.subsidised(),
					Numbers.wan(l.interestSubsidy())));
			counts[0] += l.submitted();
			counts[1] += l.listed();
			counts[2] += l.granted();
			counts[3] += l.subsidised();
			sums[0] = sums[0].add(l.requested());
			sums[1] = sums[1].add(l.listedAmount());
			sums[2] = sums[2].add(l.grantedAmount());
			sums[3] = sums[3].add(l.interestSubsidy());
		}
		rows.add(List.of("合计", counts[0], Numbers.wan(sums[0]), counts[1], Numbers.wan(sums[1]), counts[2],
				Numbers.wan(sums[2]), counts[3], Numbers.wan(sums[3])));
		return new StatTable("loans", "设备更新贷款",
				"入选清单：人民银行聊城市分行已出具入选通知书，金额为通知书所列的贷款金额（企业接受的银行授信）；授信：企业已接受的银行授信。" + TRANCHE_NOTE
						+ "申请金额按最后一次提交的申报。金额单位：万元。",
				List.of("县（市、区）", "申请笔数", "申请金额", "入选清单笔数", "入选清单金额", "银行授信笔数", "授信金额", "核定贴息笔数", "核定贴息金额"), rows,
				true);
	}

	private StatTable money(StatisticsScope scope) {
		// measure label → division → [count, amount]
		// In a fixed order: what decisions committed, then each measure reported by other
		// modules.
		Map<String, Map<String, Object[]>> sums = new LinkedHashMap<>();
		sums.put(ALLOCATED, new TreeMap<>());
		sums.put(INTEREST_APPROVED, new TreeMap<>());
		for (MoneyMeasure measure : MoneyMeasure.values()) {
			sums.put(measure.label(), new TreeMap<>());
		}
		for (DashboardQueries.Committed c : queries.committed(scope)) {
			add(sums, c.subsidy() ? ALLOCATED : INTEREST_APPROVED, c.division(), c.count(), c.amount());
		}
		List<MoneyFlows> sources = moneyFlows.orderedStream().toList();
		MoneyFlowQuery query = new MoneyFlowQuery(scope.from(), scope.until(), scope.divisions());
		boolean anyFlow = false;
		for (MoneyFlows source : sources) {
			for (MoneyFlow flow : source.flows(query)) {
				// An implementation is asked for the scope; what lies outside it is
				// dropped, not shown.
				if (!query.covers(flow.divisionCode()) || !inYear(flow.month(), scope)) {
					continue;
				}
				anyFlow = true;
				add(sums, flow.measure().label(), flow.divisionCode(), flow.count(), flow.amount());
			}
		}
		List<List<Object>> rows = new ArrayList<>();
		List<Division> divisions = catalog.divisions();
		for (Map.Entry<String, Map<String, Object[]>> measure : sums.entrySet()) {
			for (Division division : divisions) {
				Object[] s = measure.getValue().get(division.code());
				if (s != null) {
					rows.add(List.of(measure.getKey(), division.name(), s[0], Numbers.wan((BigDecimal) s[1])));
				}
			}
		}
		String note = "已下达和已核定按批准决定的时间统计；" + TRANCHE_NOTE + "“应予撤销的奖补资金”为追回或撤销决定认定不再拨付（或建议撤销）的已下达未拨付部分，按决定的日期统计。"
				+ (anyFlow ? "拨付、追回、放款和贴息支付按各自记录的日期统计。" : sources.isEmpty()
						? "尚未记录任何资金拨付、追回、贷款发放或贴息支付：系统中还没有登记这些业务的功能模块。" : "所选范围内尚无资金拨付、追回、贷款发放或贴息支付记录。")
				+ "金额单位：万元。";
		return new StatTable("money", "资金下达、拨付与追回", note, List.of("资金项目", "县（市、区）", "笔数", "金额（万元）"), rows, false);
	}

	private static boolean inYear(YearMonth month, StatisticsScope scope) {
		return scope.year() == null || month.getYear() == scope.year();
	}

	private static void add(Map<String, Map<String, Object[]>> sums, String measure, String division, long count,
			BigDecimal amount) {
		Object[] s = sums.computeIfAbsent(measure, m -> new TreeMap<>())
			.computeIfAbsent(division, d -> new Object[] { 0L, BigDecimal.ZERO });
		s[0] = (Long) s[0] + count;
		s[1] = ((BigDecimal) s[1]).add(amount);
	}

	static StatTable targetTable(List<TargetProgress> progress) {
		List<List<Object>> rows = new ArrayList<>();
		for (TargetProgress p : progress) {
			PlanTarget t = p.target();
			rows.add(Arrays.asList(t.indicator(), t.wording(), (long) t.targetYear(), t.targetText(), p.currentText(),
					p.asOf(), p.achieved(), p.missing() != null ? p.missing() : p.gapText(),
					t.reported() ? t.measure().label() : t.computedFrom().label(), p.bodyName()));
		}
		return new StatTable("targets", "方案目标完成情况",
				"依据《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）。完成程度为当前值占目标值的百分比；增长类目标按较基数年度的增幅计。",
				List.of("指标", "方案表述", "目标年度", "目标", "当前值", "数据截止", "完成程度（%）", "距目标差距", "计量方式", "责任单位"), rows, false);
	}

	/** The charts of the page, drawn from the tables it shows. */
	public List<Chart> charts(Map<String, StatTable> tables, List<TargetProgress> progress) {
		List<Chart> charts = new ArrayList<>();
		StatTable county = tables.get("county");
		charts.add(chart("各县（市、区）申报与批准件数", "件", List.of("申报", "已批准"), county, 0, 1, 2));
		charts.add(chart("各县（市、区）下达补助", "万元", List.of("下达补助"), county, 0, 9));
		charts.add(chart("各月申报件数", "件", List.of("申报", "已批准"), tables.get("month"), 0, 1, 2));
		StatTable bodies = tables.get("bodies");
		List<String> labels = new ArrayList<>();
		List<List<BigDecimal>> values = new ArrayList<>();
		for (List<Object> row : bodies.rows()) {
			if (row.get(2) != null && labels.size() < 10) {
				labels.add((String) row.get(0));
				values.add(List.of((BigDecimal) row.get(2)));
			}
		}
		charts.add(Chart.of("平均用时最长的审核单位", "天", List.of("平均用时"), labels, values, BigDecimal.valueOf(7), "7天（约5个工作日）"));
		List<String> targetLabels = new ArrayList<>();
		List<List<BigDecimal>> achieved = new ArrayList<>();
		for (TargetProgress p : progress) {
			targetLabels.add(p.target().indicator() + "（" + p.target().targetYear() + "）");
			achieved.add(Collections.singletonList(p.achieved()));
		}
		charts.add(Chart.of("方案目标完成程度", "%", List.of("完成程度"), targetLabels, achieved, BigDecimal.valueOf(100), "目标值")
			.widened());
		return charts;
	}

	private static Chart chart(String title, String unit, List<String> series, StatTable table, int labelColumn,
			int... valueColumns) {
		List<String> labels = new ArrayList<>();
		List<List<BigDecimal>> values = new ArrayList<>();
		List<List<Object>> rows = table.totalRow() ? table.rows().subList(0, table.rows().size() - 1) : table.rows();
		for (List<Object> row : rows) {
			labels.add((String) row.get(labelColumn));
			List<BigDecimal> v = new ArrayList<>();
			for (int column : valueColumns) {
				Object cell = row.get(column);
				v.add(cell instanceof BigDecimal b ? b : cell instanceof Long l ? BigDecimal.valueOf(l) : null);
			}
			values.add(v);
		}
		return Chart.of(title, unit, series, labels, values, null, null);
	}

	private static BigDecimal share(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	private Map<String, String> divisionNames() {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.divisions().forEach(d -> names.put(d.code(), d.name()));
		return names;
	}

	private String taskLabel(String key) {
		return key == null ? "未归类" : PolicyTask.of(Integer.valueOf(key)).map(PolicyTask::label).orElse("任务 " + key);
	}

	private static Integer taskOrder(String key) {
		return Integer.valueOf(key);
	}

	private static String kindLabel(String key) {
		return ApplicationKind.valueOf(key).label();
	}

	private static Integer kindOrder(String key) {
		return ApplicationKind.valueOf(key).ordinal();
	}

	private static String monthLabel(String key) {
		int ym = Integer.parseInt(key);
		return ym / 100 + "年" + (ym % 100) + "月";
	}

}
