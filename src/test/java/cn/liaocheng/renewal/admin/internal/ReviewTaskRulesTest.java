package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * The review-task check over every model in {@code bpmn/}: each review task carries the
 * contract today, and taking any piece of it out of a shipped model is refused with a
 * message that names the task.
 */
class ReviewTaskRulesTest {

	static Stream<Path> shippedModels() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedModels")
	void everyReviewTaskOfTheShippedModelsKeepsTheContract(Path file) throws IOException {
		for (UserTask task : userTasks(Files.readString(file))) {
			assertThat(ReviewTaskRules.problems(task)).as("%s %s", file, task.getId()).isEmpty();
		}
	}

	@Test
	void theShippedReviewTasksAreTheBodiesTasksAndNotTheEnterprisesCorrection() throws IOException {
		List<String> review = shippedModels().flatMap(f -> userTasks(read(f)).stream())
			.filter(t -> ReviewTaskContract.isReviewTask(t.getCamundaCandidateGroups()))
			.map(UserTask::getId)
			.toList();
		assertThat(review).containsExactlyInAnyOrder("Task_CountyFormalReview", "Task_CountyInvoiceCheck",
				"Task_CountyRecommendation", "Task_CityAcceptance", "Task_JointReview", "Task_IndustryDecision",
				"Task_PbocListing", "Task_BankDecision", "Task_FinanceInterestReview", "Task_ExpertReview",
				"Task_ResolveObjections", "Task_FinanceAllocation", "Task_RecordPayment", "Task_CountyAcceptanceCheck",
				"Task_CityOnsiteAcceptance", "Task_PerformanceEvaluation", "Task_DetermineClawback",
				"Task_ConfirmClawback", "Task_OverdueFollowUp", "Task_ReviewStatement");
		assertThat(ReviewTaskContract.isReviewTask(null)).isFalse();
		assertThat(ReviewTaskContract.isReviewTask("enterprise")).isFalse();
	}

	static Stream<String[]> piecesTakenOut() {
		return Stream.of(new String[] { "<camunda:inputParameter name=\"decision\"/>", "缺少输入参数 “decision”" },
				new String[] { "<camunda:inputParameter name=\"opinion\"/>", "缺少输入参数 “opinion”" },
				new String[] { "<camunda:taskListener delegateExpression=\"${reviewTaskListener}\" event=\"create\"/>",
						"缺少任务监听器：事件 create，委托表达式 ${reviewTaskListener}" },
				new String[] {
						"<camunda:taskListener delegateExpression=\"${recordOpinionListener}\" event=\"complete\"/>",
						"缺少任务监听器：事件 complete，委托表达式 ${recordOpinionListener}" },
				new String[] { "<camunda:taskListener delegateExpression=\"${taskChangeListener}\" event=\"update\"/>",
						"缺少任务监听器：事件 update，委托表达式 ${taskChangeListener}" },
				new String[] {
						"<camunda:taskListener delegateExpression=\"${overdueTaskListener}\" event=\"timeout\" id=\"TaskListener_Overdue\">",
						"缺少任务监听器：事件 timeout，委托表达式 ${overdueTaskListener}" });
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("piecesTakenOut")
	void aShippedReviewTaskMissingAPieceIsRefusedByName(String piece, String message) throws IOException {
		String model = firstTaskOnly(Files.readString(Path.of("bpmn/county-review.bpmn")), piece);

		List<String> problems = problemsOf(model, "Task_CountyFormalReview");

		assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("审核任务「县级形式审查」").contains(message));
	}

	@Test
	void anOpinionPrefilledByTheModelOrASecondOverdueTimerIsRefused() throws IOException {
		String county = Files.readString(Path.of("bpmn/county-review.bpmn"));
		String prefilled = county.replaceFirst("<camunda:inputParameter name=\"decision\"/>",
				"<camunda:inputParameter name=\"decision\">APPROVE</camunda:inputParameter>");
		assertThat(problemsOf(prefilled, "Task_CountyFormalReview"))
			.containsExactly("审核任务「县级形式审查」的输入参数 “decision” 不能有值：它须为空，由审核人在表单中填写");

		String renamed = county.replaceFirst("id=\"TaskListener_Overdue\"", "id=\"TaskListener_Late\"");
		assertThat(problemsOf(renamed, "Task_CountyFormalReview")).singleElement()
			.satisfies(p -> assertThat(p).contains("id 须为 TaskListener_Overdue"));
	}

	@Test
	void aBanksTaskKeepsTheTermsOfItsGrantLocalAndOtherBodiesNeedNot() throws IOException {
		String loan = Files.readString(Path.of("bpmn/loan-application.bpmn"));
		for (String term : ReviewProcesses.BANK_TERMS) {
			String model = loan.replace("<camunda:inputParameter name=\"" + term + "\"/>", "");
			assertThat(model).as(term + " taken out").isNotEqualTo(loan);
			assertThat(problemsOf(model, "Task_BankDecision")).as(term)
				.singleElement()
				.satisfies(p -> assertThat(p).startsWith("审核任务「银行自主审贷」缺少输入参数 “" + term + "”"));
		}
		assertThat(ReviewTaskContract.localVariables("city-finance")).isEqualTo(ReviewTaskContract.LOCAL_VARIABLES);
		assertThat(ReviewTaskContract.localVariables("bank-${bankKey}")).containsAll(ReviewProcesses.BANK_TERMS)
			.containsAll(ReviewTaskContract.LOCAL_VARIABLES);
	}

	/**
	 * The other writable fields of a shipped form stay local to their task too: a value
	 * from an earlier round of the step is never read as this round's.
	 */
	@Test
	void theOtherFieldsOfAShippedFormAreKeptLocalToTheirTask() throws IOException {
		String clawback = Files.readString(Path.of("bpmn/clawback.bpmn"));
		for (String field : ReviewTaskContract.FORM_LOCAL_VARIABLES.get("clawback-determination")) {
			String model = clawback.replace("<camunda:inputParameter name=\"" + field + "\"/>", "");
			assertThat(model).as(field + " taken out").isNotEqualTo(clawback);
			assertThat(problemsOf(model, "Task_DetermineClawback")).as(field)
				.singleElement()
				.satisfies(p -> assertThat(p).startsWith("审核任务「核定追回事项」缺少输入参数 “" + field + "”"));
		}
		String subsidy = Files.readString(Path.of("bpmn/subsidy-application.bpmn"));
		assertThat(
				problemsOf(subsidy.replace("<camunda:inputParameter name=\"expertPanel\"/>", ""), "Task_ExpertReview"))
			.singleElement()
			.satisfies(p -> assertThat(p).startsWith("审核任务「组织专家评审」缺少输入参数 “expertPanel”"));
		assertThat(problemsOf(clawback, "Task_DetermineClawback")).isEmpty();
		assertThat(problemsOf(subsidy, "Task_ExpertReview")).isEmpty();
	}

	@Test
	void aTaskOfTheEnterpriseNeedsNone() throws IOException {
		for (UserTask task : userTasks(Files.readString(Path.of("bpmn/correction.bpmn")))) {
			assertThat(ReviewTaskContract.isReviewTask(task.getCamundaCandidateGroups())).isFalse();
			assertThat(ReviewTaskRules.problems(task)).isEmpty();
		}
	}

	/** The model with {@code piece} removed from the first review task only. */
	private static String firstTaskOnly(String model, String piece) {
		int at = model.indexOf(piece);
		assertThat(at).as("piece in the model").isGreaterThan(0);
		String rest = model.substring(at + piece.length());
		if (piece.endsWith("\">")) {
			// The timeout listener: its timer and closing tag go with it.
			rest = rest.substring(rest.indexOf("</camunda:taskListener>") + "</camunda:taskListener>".length());
		}
		return model.substring(0, at) + rest;
	}

	private static List<String> problemsOf(String model, String taskId) {
		return userTasks(model).stream()
			.filter(t -> t.getId().equals(taskId))
			.findFirst()
			.map(ReviewTaskRules::problems)
			.orElseThrow();
	}

	private static List<UserTask> userTasks(String xml) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		return List.copyOf(model.getModelElementsByType(UserTask.class));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
