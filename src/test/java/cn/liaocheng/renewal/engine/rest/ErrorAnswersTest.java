package cn.liaocheng.renewal.engine.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

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

	/**
	 * A completion through Camunda's REST API that the database gave up on because
	 * another transaction held the rows it waited for (the ending task's hold, the case's
	 * row) is the other change's conflict, not a failure of the system; however deep the
	 * engine wrapped it.
	 */
	@Test
	void aTransactionTheDatabaseGaveUpOnIsAConflict() {
		ErrorAnswers.Answer deadlock = ErrorAnswers.answer(
				new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener",
						new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"))),
				500, "ProcessEngineException", null, "r-5");
		assertThat(deadlock.status()).isEqualTo(409);
		assertThat(deadlock.body()).containsEntry("message", ErrorAnswers.CONFLICT);

		ErrorAnswers.Answer bare = ErrorAnswers.answer(
				new ProcessEngineException("flush failed", new SQLException("deadlock detected", "40P01")), 500,
				"ProcessEngineException", null, "r-6");
		assertThat(bare.status()).isEqualTo(409);

		assertThat(ErrorAnswers.isConflict(new ProcessEngineException("x", new SQLException("syntax", "42601"))))
			.isFalse();
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

	/**
	 * The signs of an internal text are what they were; only the time to find them
	 * changed (linear in the text).
	 */
	@Test
	void internalTextsAreRecognisedAsBeforeAndInTimeInProportionToTheText() {
		for (String internal : new String[] { "SELECT id_ FROM act_ru_task WHERE x", "select\n  *\nfrom t",
				"Update act_ru_execution set rev_ = 2", "insert   into t", "DELETE FROM t", "violates constraint x",
				"### Error querying database", "SQLSTATE 23505", "ENGINE-03004 Exception",
				"java.lang.IllegalStateException", "at org.camunda.Foo.bar(Foo.java:1)", "Error: boom",
				"「x」引用了 select 1 from dual" }) {
			assertThat(ErrorAnswers.isInternal(internal)).as(internal).isTrue();
		}
		for (String plain : new String[] { "select the bank", "from select", "selectfrom", "select from", "update set",
				"请选择 select 后的选项", "Cannot correlate message 'ClawbackRepaid'", "「审查结论」为必填项",
				"「java.lang.Runtime」不能在表达式中使用" }) {
			assertThat(ErrorAnswers.isInternal(plain)).as(plain).isFalse();
		}
		// 2 MB, a body's bound: the old patterns took some 25 s for 100,000 characters
		// and grew with the square of the length.
		String quoted = "Cannot correlate message '" + "select update at ".repeat(2_000_000 / 17) + "'";
		long started = System.nanoTime();
		assertThat(ErrorAnswers.isInternal(quoted)).isFalse();
		assertThat(ErrorAnswers.publicMessage("InvalidRequest", quoted)).isEqualTo(quoted);
		assertThat(ErrorAnswers.messageForUsers(new ProcessEngineException(quoted + "，请检查"))).isNotNull();
		assertThat((System.nanoTime() - started) / 1_000_000).as("ms for 2 MB").isLessThan(10_000);
	}

	/**
	 * A refusal quoting what the caller sent (up to a body's 2 MB) is logged in one line
	 * of bounded length, so that requests cannot fill the node's log by the megabyte.
	 */
	@Test
	void aLoggedRefusalIsCutToABoundedLength() {
		String quoted = "x".repeat(2_000_000);
		String line = ErrorAnswers.oneLine(new ProcessEngineException("Cannot correlate message '" + quoted + "'",
				new IllegalStateException(quoted)));
		assertThat(line).hasSizeLessThan(2_500)
			.startsWith("ProcessEngineException: Cannot correlate message 'xxx")
			.contains("(cause IllegalStateException: xxx", "（共 2000027 字）");
		assertThat(ErrorAnswers.oneLine(new ProcessEngineException("short")))
			.isEqualTo("ProcessEngineException: short");
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
