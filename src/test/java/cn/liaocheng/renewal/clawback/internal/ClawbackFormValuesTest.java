package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The clawback forms' values as the record takes them, and the sentence a reviewer reads
 * in Tasklist for each one missing or malformed.
 */
class ClawbackFormValuesTest {

	@Test
	void theAmountIsOptionalButNeverMalformed() {
		assertThat(ClawbackFormValues.amountOrNone(null)).isNull();
		assertThat(ClawbackFormValues.amountOrNone(" ")).as("nothing paid: the allocation is revoked whole").isNull();
		assertThat(ClawbackFormValues.amountOrNone("12000.50")).isEqualByComparingTo(new BigDecimal("12000.50"));
		assertThatThrownBy(() -> ClawbackFormValues.amountOrNone("一万")).isInstanceOf(ClawbackRefused.class)
			.hasMessage("追回金额格式不正确");
	}

	@Test
	void theDeadlineIsRequiredAndReadAsTheDayTheFormSent() {
		assertThat(ClawbackFormValues.deadline("2027-03-31T00:00:00+08:00")).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThatThrownBy(() -> ClawbackFormValues.deadline(null)).hasMessage("请填写缴回期限");
		assertThatThrownBy(() -> ClawbackFormValues.deadline(" ")).hasMessage("请填写缴回期限");
		assertThatThrownBy(() -> ClawbackFormValues.deadline("2027-3-31")).hasMessage("缴回期限格式不正确");
		assertThatThrownBy(() -> ClawbackFormValues.deadline(" 2027-03-31")).hasMessage("缴回期限格式不正确");
		assertThatThrownBy(() -> ClawbackFormValues.deadline("2027-02-30")).hasMessage("缴回期限格式不正确");
	}

	@Test
	void theNegativeListTakesWholeMonthsOnly() {
		assertThat(ClawbackFormValues.listMonths("12")).isEqualTo(12);
		assertThat(ClawbackFormValues.listMonths("6.0")).isEqualTo(6);
		assertThatThrownBy(() -> ClawbackFormValues.listMonths("6.5")).hasMessage("列入负面清单期限应为整月数");
		assertThatThrownBy(() -> ClawbackFormValues.listMonths("")).hasMessage("请填写列入负面清单期限");
	}

	@Test
	void theStatementIsAcceptedOrRefusedAndNothingElse() {
		assertThat(ClawbackFormValues.statementAccepted("APPROVE")).isTrue();
		assertThat(ClawbackFormValues.statementAccepted("REFUSE")).isFalse();
		assertThatThrownBy(() -> ClawbackFormValues.statementAccepted(null)).hasMessage("请选择复核结论");
		assertThatThrownBy(() -> ClawbackFormValues.statementAccepted("approve")).hasMessage("请选择复核结论");
		assertThat(ClawbackFormValues.approved("APPROVE")).isTrue();
		assertThat(ClawbackFormValues.approved(null)).isFalse();
	}

}
