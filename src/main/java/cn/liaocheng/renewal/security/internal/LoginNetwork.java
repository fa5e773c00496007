package cn.liaocheng.renewal.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The network a login attempt comes from: the client's IPv4 address, or the first 64 bits
 * of its IPv6 address (one subscriber's network). The address is the one Tomcat took from
 * the trusted proxies' forwarded headers, if any ({@code RENEWAL_TRUSTED_PROXIES}), else
 * the connection's. A check outside any request (start-up, a job) counts as
 * {@link #LOCAL}.
 */
final class LoginNetwork {

	static final String LOCAL = "local";

	private static final int MAX_LENGTH = 64;

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

	private LoginNetwork() {
	}

	/** The network of the current request. */
	static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return of(request.getRequest().getRemoteAddr());
		}
		return LOCAL;
	}

	static String of(String address) {
		if (address == null || address.isBlank()) {
			return LOCAL;
		}
		String literal = address.trim();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		// Only literal addresses are parsed (never looked up): dotted IPv4, or IPv6 with
		// its colons.
		if (!literal.matches(IPV4) && !(literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+"))) {
			return cut(literal);
		}
		try {
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			if (bytes.length == 4) {
				return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
			}
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException notAnAddress) {
			return cut(literal);
		}
	}

	/**
	 * The wider network around {@code network}: the IPv4 /24 or the IPv6 /48 (a site), so
	 * that one attacker's many addresses of one provider count once.
	 */
	static String wide(String network) {
		if (network.matches(IPV4)) {
			return network.substring(0, network.lastIndexOf('.')) + ".0/24";
		}
		if (network.endsWith("::/64")) {
			String[] groups = network.substring(0, network.length() - "::/64".length()).split(":");
			if (groups.length == 4) {
				return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
			}
		}
		return network;
	}

	private static String cut(String text) {
		return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
	}

}
