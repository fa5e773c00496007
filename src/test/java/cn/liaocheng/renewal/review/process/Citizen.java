package cn.liaocheng.renewal.review.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.support.WebClient;

/**
 * Someone from the public at the notice board, connecting from an address of their own.
 * Every test process shares 127.0.0.1, and the board counts objections per client
 * address, so each citizen binds its socket to another loopback address (127.x.y.z all
 * reach the server on Linux) and speaks plain HTTP/1.0 over it: the JDK's HTTP client
 * cannot choose its local address.
 */
final class Citizen {

	private static final Pattern SESSION = Pattern.compile("(?i)^set-cookie:\\s*([^=;\\s]+=[^;]*)", Pattern.MULTILINE);

	private final int port;

	private final String address;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private Citizen(int port, String address) {
		this.port = port;
		this.address = address;
	}

	/** A citizen at a loopback address no other test uses. */
	static Citizen atAFreshAddress(int port) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new Citizen(port,
				"127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255));
	}

	String address() {
		return address;
	}

	Response get(String path) {
		return send("GET " + path, null);
	}

	/**
	 * Posts the objection form of a notice, with the CSRF token of the board as this
	 * citizen's session sees it.
	 */
	Response object(long applicationId, String name, String organisation, String phone, String content) {
		String token = WebClient.csrfTokenOf(get("/notices").body());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("organisation", organisation);
		form.put("phone", phone);
		form.put("content", content);
		form.put("_csrf", token);
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("POST /notices/" + applicationId + "/objections", body);
	}

	private Response send(String requestLine, String form) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(60000);
			StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\nHost: localhost:")
				.append(port)
				.append("\r\n");
			if (!cookies.isEmpty()) {
				request.append("Cookie: ").append(String.join("; ", cookies.values())).append("\r\n");
			}
			byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		String head = split < 0 ? text : text.substring(0, split);
		Matcher cookie = SESSION.matcher(head);
		while (cookie.find()) {
			String pair = cookie.group(1);
			cookies.put(pair.substring(0, pair.indexOf('=')), pair);
		}
		int status = Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
		Matcher location = Pattern.compile("(?im)^location:\\s*(\\S+)").matcher(head);
		return new Response(status, location.find() ? location.group(1) : null,
				split < 0 ? "" : text.substring(split + 4));
	}

	/** What came back: status, redirect target if any, and the page. */
	record Response(int status, String location, String body) {

		boolean redirectsToTheBoard() {
			return status == 302 && location != null && location.toLowerCase(Locale.ROOT).endsWith("/notices");
		}

	}

}
