package cn.liaocheng.renewal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions on every node: Spring Session indexes each session under its
 * principal's name, the Camunda user id ({@link PortalUser#getName()}).
 */
@Component
public class AccountSessions {

	private static final Logger LOG = LoggerFactory.getLogger(AccountSessions.class);

	/** Looked up at the first use, not while the engine is being built. */
	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Ends every session of {@code userId} except {@code keep} (a session id, or
	 * {@code null} to end them all); returns how many ended.
	 */
	public int end(String userId, String keep) {
		FindByIndexNameSessionRepository<?> store = sessions.getIfAvailable();
		if (store == null) {
			return 0;
		}
		int ended = 0;
		for (String id : store.findByPrincipalName(userId).keySet()) {
			if (!id.equals(keep)) {
				store.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			LOG.info("{} session(s) of {} ended", ended, userId);
		}
		return ended;
	}

}
