package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.PendingActionSource;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;

/**
 * What a clawback asks of the enterprise, for its 需要您处理 list: its statement on the prior
 * notice (陈述、申辩) or an express waiver, until it answers or the period ends; once decided,
 * the repayment of what is owed, until the county finance bureau has recorded payments
 * covering it (a recorded payment then waits for a second person's check, which is not
 * the enterprise's to do). An overdue repayment stays listed. One query for all of the
 * enterprise's clawbacks, with the notice of the determination in force.
 */
@Component
class ClawbackActions implements PendingActionSource {

	private final JdbcClient jdbc;

	ClawbackActions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A clawback as this list reads it. */
	private record Row(long applicationId, ClawbackStatus status, LocalDate deadline, BigDecimal owed,
			String decisionNumber, BigDecimal pending, String noticeNumber, LocalDate lastDay, Instant endsAt,
			boolean answered) {
	}

	/** A disabled enterprise still answers a prior notice and repays. */
	@Override
	public boolean openWhenDisabled() {
		return true;
	}

	@Override
	public List<Step> of(long enterpriseId) {
		Instant now = Instant.now();
		return jdbc.sql("""
				SELECT c.application_id, c.status, c.deadline, c.amount - c.repaid, c.decision_number,
				       (SELECT COALESCE(SUM(r.amount), 0) FROM clawback_repayment r
				        WHERE r.clawback_id = c.id AND r.state = :pending),
				       n.number, n.last_day, n.ends_at, n.answer
				FROM clawback c
				LEFT JOIN clawback_notice n ON n.clawback_id = c.id AND n.determined_at = c.determined_at
				WHERE c.enterprise_id = :enterprise AND c.status IN (:statuses)
				ORDER BY c.application_id""")
			.param("pending", ClawbackView.Repayment.State.PENDING.name())
			.param("enterprise", enterpriseId)
			.param("statuses",
					List.of(ClawbackStatus.NOTIFIED.name(), ClawbackStatus.DECIDED.name(),
							ClawbackStatus.OVERDUE.name()))
			.query((rs, n) -> new Row(rs.getLong(1), ClawbackStatus.valueOf(rs.getString(2)), day(rs.getDate(3)),
					rs.getBigDecimal(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), day(rs.getDate(8)),
					instant(rs.getTimestamp(9)), rs.getString(10) != null))
			.list()
			.stream()
			.map(row -> row.status() == ClawbackStatus.NOTIFIED ? statement(row, now) : repayment(row))
			.filter(Objects::nonNull)
			.toList();
	}

	/**
	 * Open while the notice of the determination in force has no answer and its period
	 * runs (as {@link PriorNotices} decides whether a statement is still taken).
	 */
	private static Step statement(Row row, Instant now) {
		if (row.noticeNumber() == null || row.answered() || !now.isBefore(row.endsAt())) {
			return null;
		}
		return new Step(row.applicationId(), "追回事先告知",
				// Nothing to repay (nothing was paid): the intended decision revokes, or
				// proposes to revoke, what was not paid; it recovers nothing.
				(row.owed() == null ? "市工业和信息化局拟对尚未拨付的奖补资金作出处理决定" : "市工业和信息化局拟作出奖补资金追回决定") + "，已送达事先告知书（"
						+ row.noticeNumber() + "）。请阅读告知书，在期限内提交陈述、申辩意见或明确放弃；期限届满未提出的，视为放弃。",
				row.lastDay(), page(row) + "#prior-notice", "阅读告知书并陈述、申辩");
	}

	private static Step repayment(Row row) {
		if (row.owed() == null || row.owed().subtract(row.pending()).signum() <= 0) {
			return null;
		}
		boolean overdue = row.status() == ClawbackStatus.OVERDUE;
		String todo = "请按追回决定书（" + row.decisionNumber() + "）缴回 " + Money.yuan(row.owed().subtract(row.pending()))
				+ " 元，缴款时注明申报编号，并将缴款凭证交所在县（市、区）财政局"
				+ (row.pending().signum() > 0 ? "（另有已登记的缴款 " + Money.yuan(row.pending()) + " 元，正待县级财政部门复核）" : "")
				+ (overdue ? "。缴回期限已过，请尽快缴清，市工业和信息化局将依法催告履行。" : "。");
		return new Step(row.applicationId(), overdue ? "逾期未缴清" : "缴回奖补资金", todo, row.deadline(),
				page(row) + "#clawback", "查看缴款账户和追回决定");
	}

	private static String page(Row row) {
		return "/enterprise/applications/" + row.applicationId();
	}

	private static LocalDate day(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
