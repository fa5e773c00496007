package cn.liaocheng.renewal.security.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Keeps a failed session save from turning a committed change into an error. Spring
 * Session's filter saves the session in a {@code finally} block after the controller
 * returned, that is after the business transaction committed; a database blip at that
 * moment made the request a 500 for work that was stored, and the user retried or gave up
 * on something that had happened.
 *
 * <p>
 * Saving the session before the business commit instead was rejected: the session is
 * saved by Spring Session in a transaction of its own after the handler, and pulling it
 * into every service's transaction would couple security plumbing to business code. The
 * session holds no business state (the security context, the CSRF token, flash messages),
 * so losing one save costs at most a new login or a missing notice, which is honest; a
 * 500 for a stored submission is not. The failure is logged with the request id (from the
 * MDC, {@code RequestIdFilter} runs outside the session filter). Reads and deletes stay
 * fatal: they happen before the work or at logout, where an error is the truthful answer.
 *
 * <p>
 * Applied to Spring Session's {@code sessionRepository} bean last among the ordered
 * post-processors, so it wraps whatever else wraps the store (nothing in the application
 * does; the fault test's failing store does).
 */
@Component
class SessionSaveGuard implements BeanPostProcessor, Ordered {

	static final String SESSION_REPOSITORY = "sessionRepository";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (SESSION_REPOSITORY.equals(beanName) && bean instanceof FindByIndexNameSessionRepository<?> repository) {
			return guard(repository);
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static <S extends Session> FindByIndexNameSessionRepository<S> guard(
			FindByIndexNameSessionRepository<S> repository) {
		return new Guarded<>(repository);
	}

	/**
	 * Delegates everything; only {@code save} survives a database failure, with a
	 * warning.
	 */
	static final class Guarded<S extends Session> implements FindByIndexNameSessionRepository<S> {

		private static final Logger log = LoggerFactory.getLogger(SessionSaveGuard.class);

		private final FindByIndexNameSessionRepository<S> delegate;

		Guarded(FindByIndexNameSessionRepository<S> delegate) {
			this.delegate = delegate;
		}

		@Override
		public S createSession() {
			return delegate.createSession();
		}

		@Override
		public void save(S session) {
			try {
				delegate.save(session);
			}
			catch (DataAccessException | TransactionException e) {
				// The request's own work is done (and committed); report it as it
				// happened, keep the cause for operators.
				log.warn(
						"Session could not be saved after the request's work was done; the answer stands, the user may "
								+ "have to log in again: {}",
						e.toString());
			}
		}

		@Override
		public S findById(String id) {
			return delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			delegate.deleteById(id);
		}

		@Override
		public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
		}

	}

}
