package cn.liaocheng.renewal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * A change that lost a race with someone else's is answered as a conflict, not as a
 * failure of the system: Spring's own resolver, given the product's advice, turns the
 * engine's optimistic-locking failure into a 409 for the error page.
 */
class ConcurrentChangeAnswersTest {

	@Test
	void anOptimisticLockingFailureIsAConflict() throws Exception {
		MockHttpServletResponse response = answer(
				new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"));

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getErrorMessage()).isNull();
	}

	/**
	 * Two urges or an urge and a withdrawal holding the same steps: the database gives
	 * one of them up (PostgreSQL's deadlock, H2's lock timeout), which Spring reports as
	 * a pessimistic-locking failure.
	 */
	@Test
	void aChangeTheDatabaseGaveUpOnIsAConflict() throws Exception {
		MockHttpServletResponse response = answer(
				new CannotAcquireLockException("ERROR: deadlock detected", new SQLException("deadlock", "40P01")));

		assertThat(response.getStatus()).isEqualTo(409);
	}

	/**
	 * The same lock given up inside a listener (an ending task's hold), which the engine
	 * wraps in its own exception; another engine failure is left to the answers of
	 * failures.
	 */
	@Test
	void aLockGivenUpInsideTheEngineIsAConflictAndOtherEngineFailuresAreNot() throws Exception {
		MockHttpServletResponse response = answer(new ProcessEngineException(
				"ENGINE-03051 Exception while invoking TaskListener",
				new CannotAcquireLockException("ERROR: deadlock detected", new SQLException("deadlock", "40P01"))));
		assertThat(response.getStatus()).isEqualTo(409);

		assertThat(answer(new ProcessEngineException("ENGINE-03051 Exception while invoking TaskListener",
				new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")))
			.getStatus()).isEqualTo(409);

		assertThat(resolve(new ProcessEngineException("ENGINE-09005 Could not parse BPMN process"),
				new MockHttpServletResponse()))
			.isNull();
	}

	private static MockHttpServletResponse answer(Exception thrown) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(resolve(thrown, response)).isNotNull();
		return response;
	}

	/** What Spring's resolver, given the product's advice, makes of the exception. */
	private static Object resolve(Exception thrown, MockHttpServletResponse response) throws Exception {
		ExceptionHandlerExceptionResolver resolver = new ExceptionHandlerExceptionResolver();
		StaticApplicationContext context = new StaticApplicationContext();
		context.registerSingleton("concurrentChangeAnswers", ConcurrentChangeAnswers.class);
		context.refresh();
		resolver.setApplicationContext(context);
		resolver.afterPropertiesSet();
		return resolver.resolveException(new MockHttpServletRequest("POST", "/x"), response,
				new HandlerMethod(new Object(), Object.class.getMethod("toString")), thrown);
	}

}
