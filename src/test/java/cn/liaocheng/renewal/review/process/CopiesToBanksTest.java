package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.review.access.CaseCopies;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A bank reads only the loans pushed to it: a 抄送 cannot open a loan to a bank the
 * enterprise merely named, before (or without) the central bank's branch listing it.
 */
@WebIntegrationTest
class CopiesToBanksTest extends ReviewProcessTest {

	private static final String HOLDER = "gx-industry";

	private static final String BANK_OFFICER = "icbc-officer";

	private final TaskService tasks;

	private final CaseCopies copies;

	private final ReviewAccess access;

	private final JdbcClient jdbc;

	@Autowired
	CopiesToBanksTest(ApplicationContext context) {
		super(context);
		this.tasks = context.getBean(TaskService.class);
		this.copies = context.getBean(CaseCopies.class);
		this.access = context.getBean(ReviewAccess.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	@Test
	void aLoanNotYetPushedIsNotCopiedToTheBankTheEnterpriseNamed() {
		Case loan = review.submitLoan(review.registeredProject(7));
		Task held = review.task(loan, "Task_CountyFormalReview");
		tasks.claim(held.getId(), HOLDER);

		assertThat(copies.bodies(HOLDER, held.getId())).extracting(CaseCopies.Body::id)
			.contains("city-industry")
			.doesNotContain("bank-icbc");
		assertThatThrownBy(() -> copies.copy(HOLDER, held.getId(), "bank-icbc", null, "请提前了解"))
			.isInstanceOf(HandOverException.class)
			.hasMessageContaining("贷款已推送到的银行");
		assertThatThrownBy(() -> copies.copy(HOLDER, held.getId(), null, BANK_OFFICER, "请提前了解"))
			.isInstanceOf(HandOverException.class)
			.hasMessageContaining("贷款已推送到的银行");
		assertThat(access.canRead(review.user(BANK_OFFICER), loan.id())).isFalse();
	}

	@Test
	void aCopyToTheBankRecordedBeforeThePushOpensNothing() {
		Case loan = review.submitLoan(review.registeredProject(7));
		// As the earlier rule let a holder record it.
		jdbc.sql("""
				INSERT INTO case_copy (application_id, recipient_group, recipient_user, actor, reason, created_at)
				VALUES (?, 'bank-icbc', NULL, ?, '请提前了解', CURRENT_TIMESTAMP)""").params(loan.id(), HOLDER).update();

		assertThat(access.canRead(review.user(BANK_OFFICER), loan.id())).isFalse();
		assertThat(copies.copiedTo(review.user(BANK_OFFICER))).extracting(CaseCopies.Copy::applicationId)
			.doesNotContain(loan.id());
	}

	@Test
	void aLoanPushedToTheBankMayBeCopiedToIt() {
		Case loan = review.listedLoan("icbc");
		Task bankTask = review.task(loan, "Task_BankDecision");
		tasks.claim(bankTask.getId(), BANK_OFFICER);

		assertThat(access.canRead(review.user(BANK_OFFICER), loan.id())).isTrue();
		assertThat(copies.bodies(BANK_OFFICER, bankTask.getId())).extracting(CaseCopies.Body::id).contains("bank-icbc");
	}

}
