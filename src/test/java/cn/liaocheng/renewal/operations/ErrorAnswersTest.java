package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.Test;

/**
 * What a caller is told about a failure, and which failures are expected refusals (one
 * line in the log).
 */
class ErrorAnswersTest {

	@Test
	void anUnexpectedFailureIsAGenericMessageWithTheRequestId() {
		ErrorAnswers.Answer answer = ErrorAnswers.answer(
				new IllegalStateException("ERROR: relation \"application\" does not exist at org.postgresql.Driver"),
				500, "IllegalStateException", "ERROR: relation \"application\" does not exist", "r-1234");
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.body()).containsEntry("type", "ServerError").containsEntry("requestId", "r-1234");
		assertThat((String) answer.body().get("message")).contains("系统内部错误", "r-1234").doesNotContain("relation");
		assertThat(ErrorAnswers.isRefusal(new IllegalStateException("boom"))).isFalse();
	}

	@Test
	void engineRefusalsInEnglishAreChineseFourHundreds() {
		ErrorAnswers.Answer delete = ErrorAnswers.answer(
				new ProcessEngineException("The task cannot be deleted because is part of a running process"), 500,
				"ProcessEngineException", null, "r-1");
		assertThat(delete.status()).isEqualTo(403);
		assertThat((String) delete.body().get("message")).contains("不能删除");

		ErrorAnswers.Answer gone = ErrorAnswers.answer(null, 500, "RestException",
				"Cannot submit task form t-1: Cannot find task with id t-1: task is null", "r-2");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.body()).containsEntry("requestId", "r-2");

		ErrorAnswers.Answer claimed = ErrorAnswers.answer(new TaskAlreadyClaimedException("t-1", "gx-industry-2"), 500,
				"TaskAlreadyClaimedException", null, "r-3");
		assertThat(claimed.status()).isEqualTo(409);
		assertThat(claimed.body()).containsEntry("message", ErrorAnswers.CLAIMED);
	}

	@Test
	void theProductsOwnRefusalsAreShownAsWrittenAndCamundasAreSaidInChinese() {
		assertThat(ErrorAnswers.publicMessage("AuthorizationException", "只有任务的当前办理人才能完成该任务，请先认领"))
			.isEqualTo("只有任务的当前办理人才能完成该任务，请先认领");
		assertThat(ErrorAnswers.publicMessage("AuthorizationException",
				"The user with id 'gx-industry-1' does not have 'UPDATE' permission on resource 't-1' of type 'Task'."))
			.isEqualTo(ErrorAnswers.NOT_PERMITTED);
		assertThat(ErrorAnswers.publicMessage("AuthorizationException", null)).isEqualTo(ErrorAnswers.NOT_PERMITTED);
		assertThat(ErrorAnswers.publicMessage("InvalidRequest",
				"Cannot submit task form 4f1c-a2: 提交未被接受：「审查结论」为必填项；「审查意见」为必填项"))
			.isEqualTo("提交未被接受：「审查结论」为必填项；「审查意见」为必填项");
		assertThat(ErrorAnswers.publicMessage("InvalidRequest", "Cannot submit task form t-1: Cannot find task"))
			.isEqualTo("Cannot submit task form t-1: Cannot find task");
	}

	@Test
	void refusalsAreOneLine() {
		ProcessEngineException chinese = new ProcessEngineException("请填写审核意见（至少 2 个字）");
		assertThat(ErrorAnswers.isRefusal(chinese)).isTrue();
		assertThat(ErrorAnswers
			.isRefusal(new ProcessEngineException("wrapped", new TaskAlreadyClaimedException("t", "u")))).isTrue();
		assertThat(ErrorAnswers.oneLine(new ProcessEngineException("outer\n  text", new IllegalStateException("root"))))
			.isEqualTo("ProcessEngineException: outer text (cause IllegalStateException: root)");
	}

}
