package cn.liaocheng.renewal.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Remembers for a few minutes that a password was checked right against the hash an
 * account has now, so that a client sending HTTP Basic with every request (Camunda's REST
 * API, scripts, the fault and benchmark clients) pays the Argon2 check (tens of
 * milliseconds of CPU and 16 MB each) once per {@link #TTL}, not on every request.
 *
 * <p>
 * Nothing here can reveal or stand in for a password: an entry is an HMAC-SHA256, under a
 * key drawn at start and never stored, of the id, the password and the account's stored
 * hash and salt. A wrong password never matches; a changed or reset password gives the
 * account a new hash, so entries of the old one match nothing from that moment on. An id
 * with failures from the client's network is not served from here at all (the caller
 * checks), so the lock-out counting sees every password check that matters. Each node
 * keeps its own entries, in memory only.
 */
@Component
class VerifiedPasswords {

	static final Duration TTL = Duration.ofMinutes(5);

	/**
	 * A bound on memory: one entry is about 200 bytes. When full, expired entries go, and
	 * if none had, all.
	 */
	static final int MAX_ENTRIES = 20_000;

	private final SecretKeySpec key;

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	VerifiedPasswords() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/**
	 * Whether this password was verified for the account as it is now (same hash and
	 * salt) within {@link #TTL}.
	 */
	boolean known(UserEntity user, String password, Instant now) {
		String entry = entry(user, password);
		if (entry == null) {
			return false;
		}
		Instant until = verified.get(entry);
		if (until == null) {
			return false;
		}
		if (!until.isAfter(now)) {
			verified.remove(entry, until);
			return false;
		}
		return true;
	}

	/**
	 * Records that the password was just checked right against the account's stored hash.
	 */
	void remember(UserEntity user, String password, Instant now) {
		String entry = entry(user, password);
		if (entry == null) {
			return;
		}
		if (verified.size() >= MAX_ENTRIES) {
			verified.values().removeIf(until -> !until.isAfter(now));
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
		}
		verified.put(entry, now.plus(TTL));
	}

	private String entry(UserEntity user, String password) {
		if (user.getPassword() == null || user.getPassword().isEmpty()) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			for (String part : new String[] { user.getId(), password, user.getPassword(),
					user.getSalt() == null ? "" : user.getSalt() }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				// Length-prefixed, so that no two different tuples give the same input.
				mac.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
						(byte) (bytes.length >>> 8), (byte) bytes.length });
				mac.update(bytes);
			}
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

}
