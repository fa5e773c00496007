package cn.liaocheng.renewal.engine.internal;

import java.io.IOException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

import cn.liaocheng.renewal.engine.ConcurrentChanges;

/**
 * Two people changing the same thing at once (a step withdrawn while the next reviewer
 * claims it, an after-award submission sent twice): the one who came second is told so,
 * as a conflict (409), on a page or in the API, and not that the system failed and
 * nothing was saved, which is false: the other change was saved. The same when the
 * database gave up one of two changes that waited for each other's rows (a deadlock, or a
 * lock not granted in time): the other went through, and this one may be tried again.
 * Controllers that answer a conflict themselves keep their answer; this is for the ones
 * that do not.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ConcurrentChangeAnswers {

	@ExceptionHandler({ OptimisticLockingException.class, OptimisticLockingFailureException.class,
			PessimisticLockingFailureException.class })
	void changedMeanwhile(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.CONFLICT.value());
	}

	/**
	 * The engine wraps what a listener throws in its own exception: a lock the database
	 * gave up on inside a listener (the hold of an ending task, {@link TaskRowHolds}), or
	 * a change a listener found made meanwhile, is the same conflict
	 * ({@link ConcurrentChanges}). Any other engine failure is not answered here:
	 * rethrown, it goes on to the answers of failures.
	 */
	@ExceptionHandler(ProcessEngineException.class)
	void lockGivenUpInTheEngine(ProcessEngineException failure, HttpServletResponse response) throws IOException {
		if (!ConcurrentChanges.isConflict(failure)) {
			throw failure;
		}
		response.sendError(HttpStatus.CONFLICT.value());
	}

}
