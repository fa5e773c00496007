package cn.liaocheng.renewal.aftercare.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.PendingActionSource;
import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * What the after-award process waits for from the enterprise, for its 需要您处理 list: an
 * acceptance application (after full payment, or again after the county sent it back), a
 * rectification by the deadline the city's on-site acceptance set, a performance report.
 * The model gives an acceptance application and a performance report no deadline; a
 * rectification leaves the list after its last day, when it can no longer be made in
 * time. A case counts when the instance the product recorded for it waits for the
 * enterprise's message: one query over the engine's message subscriptions of the
 * enterprise's recorded instances, with each case's latest finding.
 */
@Component
class AftercareActions implements PendingActionSource {

	private final JdbcClient jdbc;

	AftercareActions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Step> of(long enterpriseId) {
		LocalDate today = ChinaTime.today();
		return jdbc.sql("""
				SELECT p.application_id, s.EVENT_NAME_, f.step, f.result, f.deadline
				FROM after_award_process p
				JOIN application a ON a.id = p.application_id
				JOIN ACT_RU_EVENT_SUBSCR s ON s.PROC_INST_ID_ = p.process_instance_id
				LEFT JOIN aftercare_finding f ON f.id = (SELECT MAX(l.id) FROM aftercare_finding l
				                                         WHERE l.application_id = p.application_id)
				WHERE a.enterprise_id = :enterprise AND p.process_key = :process
				  AND s.EVENT_TYPE_ = 'message' AND s.EVENT_NAME_ IN (:messages)
				ORDER BY p.application_id""")
			.param("enterprise", enterpriseId)
			.param("process", AftercareModel.PROCESS_KEY)
			.param("messages",
					List.of(AftercareModel.ACCEPTANCE_APPLIED, AftercareModel.RECTIFICATION_SUBMITTED,
							AftercareModel.PERFORMANCE_REPORTED))
			.query((rs, n) -> step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5),
					today))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	private static Step step(long applicationId, String message, String lastStep, String lastResult, Date deadline,
			LocalDate today) {
		String page = "/enterprise/applications/" + applicationId;
		switch (message) {
			case AftercareModel.ACCEPTANCE_APPLIED -> {
				boolean sentBack = Finding.sendsAcceptanceBack(lastStep, lastResult);
				return new Step(applicationId, sentBack ? "验收材料待补充" : "待申请验收",
						sentBack ? "县级验收初核退回，请按初核意见补充材料后重新申请项目验收。"
								: "奖补资金已全额拨付。项目建成投用后，请上传设备安装调试及试运行记录、现场照片和竣工决算，申请项目验收。",
						null, page + "#acceptance-form", "申请项目验收");
			}
			case AftercareModel.RECTIFICATION_SUBMITTED -> {
				LocalDate lastDay = deadline == null ? null : deadline.toLocalDate();
				if (lastDay != null && lastDay.isBefore(today)) {
					return null;
				}
				return new Step(applicationId, "限期整改", "现场验收要求限期整改，请按验收意见整改并提交整改情况说明及佐证材料；逾期未提交的，转入奖补资金追回程序。", lastDay,
						page + "#rectification-form", "提交整改材料");
			}
			case AftercareModel.PERFORMANCE_REPORTED -> {
				return new Step(applicationId, "待报送绩效自评", "项目验收通过已满规定期限，请报送绩效自评：实际年产值、年节能量、主要设备能效等级和数字化指标完成情况。", null,
						page + "#performance-form", "报送绩效自评");
			}
			default -> {
				return null;
			}
		}
	}

}
