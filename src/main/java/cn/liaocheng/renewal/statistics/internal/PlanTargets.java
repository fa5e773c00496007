package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The plan's targets and the values the responsible bodies enter. Administrators change
 * targets; only a member of the responsible city body (its reviewers or its lead) enters
 * values, and only for targets measured by report. Every change is in the audit trail
 * with what it replaced.
 */
@Service
public class PlanTargets {

	private static final String COLUMNS = """
			SELECT target_key, indicator, wording, target_year, target_value, unit, comparison, value_unit, baseline_year,
			       baseline_value, body_key, measure, computed_from, measure_note, sort_order, version, updated_at,
			       updated_by
			FROM plan_target""";

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final OrganizationCatalog catalog;

	PlanTargets(JdbcClient jdbc, AuditTrail audit, OrganizationCatalog catalog) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.catalog = catalog;
	}

	@Transactional(readOnly = true)
	public List<PlanTarget> all() {
		return jdbc.sql(COLUMNS + " ORDER BY sort_order, target_key").query(PlanTargets::target).list();
	}

	@Transactional(readOnly = true)
	public Optional<PlanTarget> find(String key) {
		return jdbc.sql(COLUMNS + " WHERE target_key = ?").param(key).query(PlanTargets::target).optional();
	}

	/** The latest entered value of every target that has one (one query). */
	@Transactional(readOnly = true)
	public Map<String, TargetValue> latestValues() {
		Map<String, TargetValue> latest = new LinkedHashMap<>();
		jdbc.sql(
				"""
						SELECT v.target_key, v.period_end, v.reported_value, v.note, v.entered_by, v.entered_by_name, v.entered_at
						FROM plan_target_value v
						WHERE v.period_end = (SELECT MAX(w.period_end) FROM plan_target_value w WHERE w.target_key = v.target_key)""")
			.query(PlanTargets::value)
			.list()
			.forEach(v -> latest.put(v.targetKey(), v));
		return latest;
	}

	@Transactional(readOnly = true)
	public List<TargetValue> values(String key) {
		return jdbc.sql("""
				SELECT target_key, period_end, reported_value, note, entered_by, entered_by_name, entered_at
				FROM plan_target_value WHERE target_key = ? ORDER BY period_end DESC""")
			.param(key)
			.query(PlanTargets::value)
			.list();
	}

	/**
	 * Whether {@code user} acts for the body responsible for {@code target} (may enter
	 * its values): not an administrator, who defines targets but reports for no body.
	 */
	public boolean responsible(PortalUser user, PlanTarget target) {
		return user.actsFor(GroupNames.city(target.bodyKey()));
	}

	/** Enters (or corrects) the value of a reported target at the end of a period. */
	@Transactional
	public TargetValue enter(PortalUser user, String key, LocalDate periodEnd, BigDecimal value, String note,
			LocalDate today) {
		PlanTarget target = find(key).orElseThrow(() -> new TargetProblem("没有这个目标指标。"));
		if (!responsible(user, target)) {
			throw new AccessDeniedException("只有该指标的责任单位可以填报。");
		}
		if (!target.reported()) {
			throw new TargetProblem("该指标由系统根据审批数据自动计算，无需填报。");
		}
		if (periodEnd == null) {
			throw new TargetProblem("请填写统计截止日期。");
		}
		if (periodEnd.isAfter(today)) {
			throw new TargetProblem("统计截止日期不能晚于今天。");
		}
		if (periodEnd.getYear() < 2023) {
			throw new TargetProblem("统计截止日期不能早于2023年。");
		}
		if (value == null) {
			throw new TargetProblem("请填写指标数值。");
		}
		if (value.signum() < 0 || value.compareTo(LIMIT) >= 0 || value.scale() > 2) {
			throw new TargetProblem("指标数值应为不小于0的数，最多两位小数。");
		}
		if ("%".equals(target.valueUnit()) && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new TargetProblem("该指标是百分比，数值不能超过100。");
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > 500) {
			throw new TargetProblem("说明最多500个字。");
		}
		if (cleanNote != null) {
			PlainText.problem(cleanNote, true).ifPresent(problem -> {
				throw new TargetProblem("说明" + problem);
			});
		}
		Optional<BigDecimal> previous = jdbc
			.sql("SELECT reported_value FROM plan_target_value WHERE target_key = ? AND period_end = ?")
			.params(key, periodEnd)
			.query(BigDecimal.class)
			.optional();
		Instant now = Instant.now();
		if (previous.isPresent()) {
			jdbc.sql(
					"""
							UPDATE plan_target_value SET reported_value = ?, note = ?, entered_by = ?, entered_by_name = ?, entered_at = ?
							WHERE target_key = ? AND period_end = ?""")
				.params(value, cleanNote, user.userId(), user.displayName(), Timestamp.from(now), key, periodEnd)
				.update();
		}
		else {
			try {
				jdbc.sql(
						"""
								INSERT INTO plan_target_value (target_key, period_end, reported_value, note, entered_by, entered_by_name, entered_at)
								VALUES (?, ?, ?, ?, ?, ?, ?)""")
					.params(key, periodEnd, value, cleanNote, user.userId(), user.displayName(), Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException e) {
				// A colleague entered the same period at the same moment: theirs stands
				// until this one is sent again.
				throw new TargetProblem("同一统计截止日期的数值刚刚已由他人填报，请刷新页面核对后再填报。");
			}
		}
		audit.record(user.userId(), "PLAN_TARGET_VALUE", "plan-target:" + key, "period_end=" + periodEnd + " value="
				+ value.toPlainString() + previous.map(p -> " replaced=" + p.toPlainString()).orElse(""));
		return new TargetValue(key, periodEnd, value, cleanNote, user.userId(), user.displayName(), now);
	}

	/** An administrator's change to a target. */
	@Transactional
	public PlanTarget update(PortalUser user, String key, TargetEdit edit) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("只有系统管理员可以修改目标指标。");
		}
		PlanTarget old = find(key).orElseThrow(() -> new TargetProblem("没有这个目标指标。"));
		PlanTarget changed = validated(old, edit);
		int updated = jdbc
			.sql("""
					UPDATE plan_target SET indicator = ?, wording = ?, target_year = ?, target_value = ?, unit = ?, comparison = ?,
					       value_unit = ?, baseline_year = ?, baseline_value = ?, body_key = ?, measure = ?, computed_from = ?,
					       measure_note = ?, version = version + 1, updated_at = ?, updated_by = ?
					WHERE target_key = ? AND version = ?""")
			.params(changed.indicator(), changed.wording(), changed.targetYear(), changed.targetValue(), changed.unit(),
					changed.comparison().name(), changed.valueUnit(), changed.baselineYear(), changed.baselineValue(),
					changed.bodyKey(), changed.measure().name(),
					changed.computedFrom() == null ? null : changed.computedFrom().name(), changed.measureNote(),
					Timestamp.from(Instant.now()), user.userId(), key, edit.version())
			.update();
		if (updated == 0) {
			throw new TargetProblem("该指标已被他人修改，请刷新页面后重新编辑。");
		}
		audit.record(user.userId(), "PLAN_TARGET_UPDATED", "plan-target:" + key,
				"before: " + describe(old) + " | after: " + describe(changed));
		return find(key).orElseThrow();
	}

	/**
	 * An administrator adds a target (e.g. one a later plan sets); the key names it in
	 * URLs and the API.
	 */
	@Transactional
	public PlanTarget create(PortalUser user, String key, TargetEdit edit) {
		if (!user.isAdministrator()) {
			throw new AccessDeniedException("只有系统管理员可以新增目标指标。");
		}
		if (key == null || !key.matches("[a-z0-9][a-z0-9-]{2,39}")) {
			throw new TargetProblem("指标代码应为3至40个小写字母、数字或连字符，例如 green-factories-2027。");
		}
		if (find(key).isPresent()) {
			throw new TargetProblem("已有代码为“" + key + "”的指标。");
		}
		int sortOrder = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM plan_target")
			.query(Integer.class)
			.single();
		PlanTarget blank = new PlanTarget(key, null, null, 0, null, null, null, null, null, null, null, null, null,
				null, sortOrder, 0, Instant.now(), user.userId());
		PlanTarget t = validated(blank,
				new TargetEdit(edit.indicator(), edit.wording(), edit.targetYear(), edit.targetValue(), edit.unit(),
						edit.comparison(), edit.valueUnit(), edit.baselineYear(), edit.baselineValue(), edit.bodyKey(),
						edit.measure(), edit.computedFrom(), edit.measureNote(), 0));
		jdbc.sql(
				"""
						INSERT INTO plan_target (target_key, indicator, wording, target_year, target_value, unit, comparison, value_unit,
						    baseline_year, baseline_value, body_key, measure, computed_from, measure_note, sort_order, version,
						    updated_at, updated_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(key, t.indicator(), t.wording(), t.targetYear(), t.targetValue(), t.unit(), t.comparison().name(),
					t.valueUnit(), t.baselineYear(), t.baselineValue(), t.bodyKey(), t.measure().name(),
					t.computedFrom() == null ? null : t.computedFrom().name(), t.measureNote(), sortOrder,
					Timestamp.from(Instant.now()), user.userId())
			.update();
		audit.record(user.userId(), "PLAN_TARGET_CREATED", "plan-target:" + key, describe(t));
		return find(key).orElseThrow();
	}

	private PlanTarget validated(PlanTarget old, TargetEdit e) {
		String indicator = text(e.indicator(), 64, "指标名称");
		String wording = text(e.wording(), 300, "方案原文表述");
		String unit = text(e.unit(), 16, "目标单位");
		String valueUnit = text(e.valueUnit(), 16, "数值单位");
		String note = text(e.measureNote(), 300, "计量口径说明");
		if (e.targetYear() == null || e.targetYear() < 2024 || e.targetYear() > 2035) {
			throw new TargetProblem("目标年度应在2024年至2035年之间。");
		}
		if (e.targetValue() == null || e.targetValue().signum() < 0 || e.targetValue().compareTo(LIMIT) >= 0
				|| e.targetValue().scale() > 2) {
			throw new TargetProblem("目标值应为不小于0的数，最多两位小数。");
		}
		PlanTarget.Comparison comparison = parse(PlanTarget.Comparison.class, e.comparison(), "比较方式");
		PlanTarget.Measure measure = parse(PlanTarget.Measure.class, e.measure(), "计量方式");
		ComputedFigure computed = null;
		if (measure == PlanTarget.Measure.COMPUTED) {
			computed = parse(ComputedFigure.class, e.computedFrom(), "自动计算的数据");
		}
		if (e.bodyKey() == null || catalog.departments().stream().noneMatch(d -> d.key().equals(e.bodyKey()))) {
			throw new TargetProblem("请选择责任单位。");
		}
		if (e.baselineYear() == null && e.baselineValue() != null) {
			throw new TargetProblem("填写了基数，请同时填写基数年度。");
		}
		if (e.baselineYear() != null && (e.baselineYear() < 2015 || e.baselineYear() >= e.targetYear())) {
			throw new TargetProblem("基数年度应早于目标年度。");
		}
		if (e.baselineValue() != null && (e.baselineValue().signum() <= 0 || e.baselineValue().compareTo(LIMIT) >= 0
				|| e.baselineValue().scale() > 2)) {
			throw new TargetProblem("基数应为大于0的数，最多两位小数。");
		}
		if (e.version() == null) {
			throw new TargetProblem("表单不完整，请刷新页面后重新编辑。");
		}
		return new PlanTarget(old.key(), indicator, wording, e.targetYear(), e.targetValue(), unit, comparison,
				valueUnit, e.baselineYear(), e.baselineValue(), e.bodyKey(), measure, computed, note, old.sortOrder(),
				e.version(), old.updatedAt(), old.updatedBy());
	}

	private static String text(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			throw new TargetProblem("请填写" + field + "。");
		}
		String clean = value.strip();
		if (clean.length() > max) {
			throw new TargetProblem(field + "最多" + max + "个字。");
		}
		return clean;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException e) {
			throw new TargetProblem("请选择" + field + "。");
		}
	}

	private static String describe(PlanTarget t) {
		return t.indicator() + "; " + t.targetYear() + " " + t.comparison() + " " + Numbers.plain(t.targetValue()) + " "
				+ t.unit() + "; baseline " + t.baselineYear() + "=" + Numbers.plain(t.baselineValue()) + "; body "
				+ t.bodyKey() + "; " + t.measure() + (t.computedFrom() == null ? "" : " " + t.computedFrom());
	}

	private static PlanTarget target(ResultSet rs, int n) throws SQLException {
		String computed = rs.getString("computed_from");
		int baselineYear = rs.getInt("baseline_year");
		Integer baseline = rs.wasNull() ? null : baselineYear;
		return new PlanTarget(rs.getString("target_key"), rs.getString("indicator"), rs.getString("wording"),
				rs.getInt("target_year"), rs.getBigDecimal("target_value"), rs.getString("unit"),
				PlanTarget.Comparison.valueOf(rs.getString("comparison")), rs.getString("value_unit"), baseline,
				rs.getBigDecimal("baseline_value"), rs.getString("body_key"),
				PlanTarget.Measure.valueOf(rs.getString("measure")),
				computed == null ? null : ComputedFigure.valueOf(computed), rs.getString("measure_note"),
				rs.getInt("sort_order"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"));
	}

	private static TargetValue value(ResultSet rs, int n) throws SQLException {
		return new TargetValue(rs.getString("target_key"), rs.getDate("period_end").toLocalDate(),
				rs.getBigDecimal("reported_value"), rs.getString("note"), rs.getString("entered_by"),
				rs.getString("entered_by_name"), rs.getTimestamp("entered_at").toInstant());
	}

}
