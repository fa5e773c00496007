package cn.liaocheng.renewal.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work the product does inside the engine on its own authority, not on the signed-in
 * user's: a reviewer's action that moves another body's step (a payment resumed after a
 * clawback), a name or membership looked up for a page, the recipients of a message. The
 * engine's authorization checks are off for the work (no authentication), and whoever was
 * signed in is signed in again afterwards, also when the work fails.
 */
public final class ProductAuthority {

	private ProductAuthority() {
	}

	public static <T> T call(IdentityService identity, Supplier<T> work) {
		Authentication current = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (current != null) {
				identity.setAuthentication(current);
			}
		}
	}

	public static void run(IdentityService identity, Runnable work) {
		call(identity, () -> {
			work.run();
			return null;
		});
	}

}
