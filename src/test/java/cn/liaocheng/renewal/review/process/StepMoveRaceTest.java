package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 撤回 and 退回上一环节 check the next step's open tasks, then move the case back. When the next
 * step is completed between the check and the move (another body's officer finishing it
 * at that moment), the move must be refused and change nothing; cancelling the step by
 * its activity cancelled nothing then, and the case ran on two tokens: the withdrawn step
 * again and the step after the one just completed. The interleaving is replayed in order:
 * the operation's read, the other officer's completion, the operation's move.
 */
@WebIntegrationTest
class StepMoveRaceTest extends ReviewProcessTest {

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	PlatformTransactionManager transactions;

	private final ApplicationContext context;

	@Autowired
	StepMoveRaceTest(ApplicationContext context) {
		super(context);
		this.context = context;
	}

	@Test
	void aMoveThatLosesTheRaceToTheNextStepIsRefusedAndChangesNothing() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		ProcessInstance county = review.called(claim, "county-review");
		Task formal = review.task(claim, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), DemoUsers.COUNTY_REVIEWER);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		review.runJobs(claim);

		// What TaskOperations.withdraw reads and checks (open, unclaimed, latest).
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(claim.key()).list();
		assertThat(open).singleElement().satisfies(t -> {
			assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_CountyInvoiceCheck");
			assertThat(t.getAssignee()).isNull();
		});

		// Meanwhile the county finance bureau claims and approves the invoice check.
		review.decide(claim, "Task_CountyInvoiceCheck", "APPROVE");

		// withdraw goes on with what it read: StepMoves.moveBack(done, open).
		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(formal.getId()).singleResult();
		assertThatThrownBy(() -> moveBack(done, open)).isInstanceOf(RuntimeException.class)
			.hasMessageContaining("该案件当前所处环节不支持此操作");

		// The case stays where the completion put it: at the county recommendation only.
		List<String> now = tasks.createTaskQuery()
			.processInstanceId(county.getId())
			.list()
			.stream()
			.map(Task::getTaskDefinitionKey)
			.sorted()
			.toList();
		assertThat(now).containsExactly("Task_CountyRecommendation");
	}

	/**
	 * The next step is claimed between withdraw's check that nobody has claimed it and
	 * the move: the move is refused and the claim kept. Before, the claimed task was
	 * cancelled under its new holder.
	 */
	@Test
	void aMoveAfterTheNextStepWasClaimedIsRefusedAndTheClaimKept() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		Task formal = review.task(claim, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), DemoUsers.COUNTY_REVIEWER);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		review.runJobs(claim);

		// What TaskOperations.withdraw reads and checks: open and unclaimed.
		List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(claim.key()).list();
		assertThat(open).singleElement().satisfies(t -> assertThat(t.getAssignee()).isNull());

		// Meanwhile the county finance bureau's officer claims the invoice check.
		Task invoiceCheck = open.get(0);
		tasks.claim(invoiceCheck.getId(), "gx-finance");

		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(formal.getId()).singleResult();
		assertThatThrownBy(() -> moveBack(done, open)).isInstanceOf(RuntimeException.class)
			.hasMessageContaining("已被他人认领");

		Task kept = tasks.createTaskQuery().taskId(invoiceCheck.getId()).singleResult();
		assertThat(kept).isNotNull();
		assertThat(kept.getAssignee()).isEqualTo("gx-finance");
	}

	/**
	 * StepMoves.moveBack, as withdraw calls it with what it read, in a transaction of its
	 * own; throws what it throws.
	 */
	private void moveBack(HistoricTaskInstance done, List<Task> open) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			try {
				Class<?> type = Class.forName("cn.liaocheng.renewal.review.tasks.StepMoves");
				Method moveBack = type.getDeclaredMethod("moveBack", HistoricTaskInstance.class, List.class);
				moveBack.setAccessible(true);
				moveBack.invoke(context.getBean(type), done, open);
			}
			catch (InvocationTargetException e) {
				// What the method threw, as its caller sees it.
				throw (RuntimeException) e.getCause();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

}
