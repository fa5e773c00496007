package cn.liaocheng.renewal.security.internal;

import java.time.Instant;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Every password check the engine makes, whatever the door (the login page, HTTP Basic,
 * the account page's "current password", the REST API's {@code identity/verify}, Camunda
 * Admin): the engine's identity provider hands its checks here
 * ({@link PasswordChangeEndsSessions}), instead of Camunda's lock in {@code ACT_ID_USER},
 * which counted per account and so let anyone lock anyone out.
 *
 * <ul>
 * <li>A network from which too many ids failed lately is refused before anything else
 * ({@link NetworkFailureBudget}), and at most a few checks run at once on a node
 * ({@link HashingPermits}; a check that finds none free is refused, nothing
 * counted).</li>
 * <li>Failures count per id and network ({@link LoginThrottle}); a locked network is
 * refused before the password is looked at. Checks of one id from one network wait for
 * each other once it has failed there, so a burst of guesses cannot pass the lock before
 * the first failure is counted.</li>
 * <li>An id without an account costs an Argon2 check and counts its failures exactly like
 * an account, so neither time nor reply tells whether it exists.</li>
 * <li>A signed-in user of the engine's API checks no one's password but their own: the
 * REST API's {@code identity/verify} is no oracle for guessing a colleague's
 * password.</li>
 * </ul>
 */
@Component
class PasswordChecks {

	/**
	 * The Argon2id hash of "no account has this password" with the decoy's parameters
	 * (m=16384, t=2, p=1), fixed rather than computed at each start, where it cost a
	 * hash's CPU; checking a password against it costs what a real check costs, as the
	 * parameters are read from the hash. Not a secret: it hashes a sentence written here.
	 */
	static final String DECOY_HASH = "$argon2id$v=19$m=16384,t=2,p=1$"
			+ "qA5672XirCFBj62ejJshRA$BJkdpyOXnC4Lnvegi6oULkTZ+VlI9SRjA5mrXhQgcCA";

	/** Spends on an unknown id about the time a real password check takes. */
	private final Argon2PasswordEncoder decoy = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final LoginThrottle throttle;

	private final NetworkFailureBudget budget;

	private final HashingPermits permits;

	PasswordChecks(LoginThrottle throttle, NetworkFailureBudget budget, HashingPermits permits) {
		this.throttle = throttle;
		this.budget = budget;
		this.permits = permits;
	}

	/**
	 * Whether {@code password} is the account's, checked as the engine's identity
	 * provider would ({@code find}, {@code matches}), counted and throttled.
	 */
	boolean check(String userId, String password, Function<String, UserEntity> find,
			BiPredicate<String, UserEntity> matches) {
		if (userId == null || userId.isBlank() || password == null || someoneElsesPassword(userId)) {
			return false;
		}
		String network = LoginNetwork.current();
		if (budget.refusal(network, throttle.key(userId), Instant.now()).isPresent()) {
			return false;
		}
		try {
			return permits.withPermit(() -> counted(userId, password, network, find, matches));
		}
		catch (PasswordCheckRefusal busy) {
			// Only a door without a permit of its own gets here (a signed-in user's own
			// password on the account page or the engine's API): refused, nothing
			// counted.
			return false;
		}
	}

	private boolean counted(String userId, String password, String network, Function<String, UserEntity> find,
			BiPredicate<String, UserEntity> matches) {
		String key = throttle.key(userId);
		throttle.hold(key, network);
		Instant now = Instant.now();
		if (throttle.standing(key, network, now).refusal().isPresent()) {
			return false;
		}
		UserEntity user = find.apply(userId);
		boolean right = user != null ? matches.test(password, user) : decoy(password);
		if (right) {
			throttle.succeeded(key, network, now);
		}
		else {
			throttle.failed(key, network, now);
		}
		return right;
	}

	/**
	 * Whether a user signed in to the engine's API (REST, the webapps) asks about another
	 * account's password.
	 */
	private static boolean someoneElsesPassword(String userId) {
		CommandContext context = Context.getCommandContext();
		String signedIn = context == null ? null : context.getAuthenticatedUserId();
		return signedIn != null && !signedIn.equalsIgnoreCase(userId.trim());
	}

	private boolean decoy(String password) {
		decoy.matches(password, DECOY_HASH);
		return false;
	}

}
