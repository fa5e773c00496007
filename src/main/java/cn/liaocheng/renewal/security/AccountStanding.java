package cn.liaocheng.renewal.security;

import java.util.Optional;

/**
 * Whether the organisation behind an account lets it act now, asked where no password is
 * checked (personal API tokens). The module that owns the organisation answers; without
 * an answer nothing is allowed.
 */
public interface AccountStanding {

	/** The Chinese reason why {@code userId} may not act now, or empty when it may. */
	Optional<String> refusal(String userId);

}
