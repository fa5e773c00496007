package cn.liaocheng.renewal.admin.internal;

import java.util.function.Supplier;

/**
 * The mark by which the application's own code vouches for a deployment it makes, so that
 * the administrators' pre-deployment check leaves it alone (the engine's own refusals
 * still apply). A deployment is trusted only inside {@link #run}, on the thread that
 * called it, never because no user is logged in: a job or an expression runs without a
 * user too. No production code deploys this way (the start-up deployment of bpmn/ and
 * forms/ is checked, or is exactly the shipped models the build checks,
 * {@link PackagedModels}); tests deploy their probes through it.
 */
public final class TrustedDeployments {

	private static final ThreadLocal<Boolean> TRUSTED = new ThreadLocal<>();

	private TrustedDeployments() {
	}

	/** Runs {@code deployment}, whose deployments are not checked. */
	public static <T> T run(Supplier<T> deployment) {
		Boolean before = TRUSTED.get();
		TRUSTED.set(Boolean.TRUE);
		try {
			return deployment.get();
		}
		finally {
			if (before == null) {
				TRUSTED.remove();
			}
			else {
				TRUSTED.set(before);
			}
		}
	}

	static boolean isTrusted() {
		return Boolean.TRUE.equals(TRUSTED.get());
	}

}
