package cn.liaocheng.renewal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The completion rule against the product's own forms in forms/, with the FEEL engine the
 * process engine uses for the forms' conditions.
 */
class TaskFormTest {

	private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

	private static final TaskForm.Conditions CONDITIONS = (expression, data) -> Boolean.TRUE.equals(FEEL
		.evaluateSimpleExpression(expression.strip().substring(1), Variables.fromMap(data).asVariableContext()));

	private static final String OPINION = "材料齐全，符合实施方案的支持条件。";

	private final TaskForm formalReview = form("county-formal-review");

	private final TaskForm bankDecision = form("bank-decision");

	@Test
	void acceptsTheDecisionAndOpinionAndDropsTheReadOnlyFieldsTasklistSendsBack() {
		TaskForm.Admission admission = admit(formalReview, values("referenceNo", "P-2026-0001", "enterpriseName",
				"别的企业", "applicationTitle", "改过的标题", "decision", "APPROVE", "opinion", OPINION));

		assertThat(admission.problems()).isEmpty();
		assertThat(admission.accepted()).containsExactly("decision", "opinion");
	}

	@Test
	void refusesEveryVariableThatIsNotAFieldOfTheForm() {
		TaskForm.Admission admission = admit(formalReview, values("decision", "APPROVE", "opinion", OPINION,
				"applicationId", 42L, "bankKey", "abc", "reviewDecision", "APPROVE"));

		assertThat(admission.problems()).containsExactly("「applicationId」不是本任务表单的填写项，不能提交", "「bankKey」不是本任务表单的填写项，不能提交",
				"「reviewDecision」不是本任务表单的填写项，不能提交");
	}

	@Test
	void aTaskWithoutAFormTakesNoValuesButMayBeCompletedEmpty() {
		assertThat(admit(TaskForm.none(), values()).refused()).isFalse();
		assertThat(admit(TaskForm.none(), values("decision", "APPROVE")).problems())
			.containsExactly("「decision」不是本任务表单的填写项，不能提交");
	}

	@Test
	void aFormWithOnlyReadOnlyFieldsTakesNothingAndRequiresNothing() {
		TaskForm correction = form("enterprise-correction");

		TaskForm.Admission admission = admit(correction, values("correctionReasons", "全部删除", "referenceNo", "x"));

		assertThat(admission.refused()).isFalse();
		assertThat(admission.accepted()).isEmpty();
	}

	@Test
	void checksEachFieldAsTheFormStatesIt() {
		assertThat(admit(formalReview, values()).problems()).containsExactly("「审查结论」为必填项", "「审查意见」为必填项");
		assertThat(admit(formalReview, values("decision", "HACK", "opinion", OPINION)).problems())
			.containsExactly("「审查结论」的取值不在可选范围内");
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", "好")).problems())
			.containsExactly("「审查意见」至少需要填写 2 个字");
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", "   ")).problems())
			.containsExactly("「审查意见」为必填项");
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", "意".repeat(2001))).problems())
			.containsExactly("「审查意见」不能超过 2000 个字");
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", 12345)).problems())
			.containsExactly("「审查意见」应为文字");
	}

	@Test
	void refusesBidiAndControlCharactersInFreeTextButKeepsLineBreaksInATextArea() {
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", "同意\u202E意同")).problems())
			.containsExactly("「审查意见」含有改变文字方向的控制字符，请删除后重新输入");
		assertThat(admit(formalReview, values("decision", "APPROVE", "opinion", "第一条\n第二条")).refused()).isFalse();
		TaskForm expertReview = form("expert-review");
		assertThat(admit(expertReview, values("decision", "APPROVE", "opinion", OPINION, "expertPanel", "专家甲\n专家乙"))
			.problems()).containsExactly("「评审专家组」含有不可见的控制字符，请删除后重新输入");
	}

	@Test
	void aGrantNeedsItsAmountsWithinTheirRangesAndTypes() {
		Map<String, Object> grant = values("decision", "GRANTED", "opinion", "同意放贷", "grantedAmount", 3_000_000,
				"interestRate", 3.1, "termMonths", 36, "grantDate", "2026-05-20", "loanType", "FIXED_ASSET",
				"usedRelending", true, "bankName", "别的银行", "loanAmount", 1);
		TaskForm.Admission admitted = admit(bankDecision, grant);
		assertThat(admitted.problems()).isEmpty();
		assertThat(admitted.accepted()).containsExactly("decision", "grantedAmount", "interestRate", "termMonths",
				"grantDate", "loanType", "usedRelending", "opinion");

		assertThat(admit(bankDecision, with(grant, "termMonths", 400)).problems()).containsExactly("「期限（月）」不能大于 360");
		assertThat(admit(bankDecision, with(grant, "termMonths", 12.5)).problems()).containsExactly("「期限（月）」应为整数");
		assertThat(admit(bankDecision, with(grant, "grantedAmount", "3000000")).problems())
			.containsExactly("「放贷金额（元）」应为数字");
		assertThat(admit(bankDecision, with(grant, "grantedAmount", 0)).problems())
			.containsExactly("「放贷金额（元）」不能小于 0.01");
		assertThat(admit(bankDecision, with(grant, "grantedAmount", Double.NaN)).problems())
			.containsExactly("「放贷金额（元）」应为数字");
		assertThat(admit(bankDecision, with(grant, "grantDate", "20.5.2026")).problems())
			.containsExactly("「放款日期」应为日期，如 2026-01-31");
		assertThat(admit(bankDecision, with(grant, "usedRelending", "yes")).problems())
			.containsExactly("「使用再贷款资金」应为是或否");
		assertThat(admit(bankDecision, with(grant, "grantedAmount", null)).problems()).containsExactly("「放贷金额（元）」为必填项");
	}

	@Test
	void fieldsTheFormHidesAreNeitherRequiredNorWritten() {
		TaskForm.Admission declined = admit(bankDecision,
				values("decision", "DECLINED", "opinion", "资产负债率过高", "grantedAmount", 5, "usedRelending", false));

		assertThat(declined.problems()).isEmpty();
		assertThat(declined.accepted()).containsExactly("decision", "usedRelending", "opinion");
	}

	/**
	 * A task handed back by a colleague who ticked 列入负面清单 and filled in the months: the
	 * completion that does not send the box empties it, so the months it would require
	 * are hidden, as the form shows them once the box is empty, and not asked for because
	 * of the colleague's tick.
	 */
	@Test
	void aHandedBackFormIsCheckedAsItWillBeRecordedWithWhatWasNotSentEmptied() {
		TaskForm determination = form("clawback-determination");
		Map<String, Object> colleagues = values("decision", "APPROVE", "listNegative", true, "listMonths", 12,
				"nothingPaid", true);
		Map<String, Object> sent = values("decision", "APPROVE", "opinion", OPINION);

		assertThat(determination.admit(sent, () -> colleagues, CONDITIONS, false).problems())
			.as("checked against the colleague's tick")
			.hasSize(1);
		TaskForm.Admission emptied = determination.admit(sent, () -> colleagues, CONDITIONS, true);
		assertThat(emptied.problems()).isEmpty();
		assertThat(emptied.accepted()).containsExactly("decision", "opinion");
		assertThat(emptied.unsent()).containsExactly("listNegative");
	}

	private static TaskForm.Admission admit(TaskForm form, Map<String, Object> submitted) {
		return form.admit(submitted, Map::of, CONDITIONS, false);
	}

	private static TaskForm form(String name) {
		try (InputStream in = TaskFormTest.class.getResourceAsStream("/forms/" + name + ".form")) {
			return TaskForm.of(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(values);
		changed.put(name, value);
		return changed;
	}

}
