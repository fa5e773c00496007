package cn.liaocheng.renewal.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, so that a test can send what Java's HttpClient
 * refuses to (a {@code Host} header of its choice) and see the response exactly as the
 * server wrote it.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	record Response(int status, List<String> headers, String body, String raw) {

		Optional<String> header(String name) {
			return headers.stream()
				.filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map(h -> h.substring(name.length() + 1).trim())
				.findFirst();
		}

		/** The value of cookie {@code name} set by this response, if any. */
		Optional<String> cookie(String name) {
			return headers.stream()
				.filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11))
				.map(h -> h.substring(11).trim())
				.filter(c -> c.startsWith(name + "="))
				.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
				.findFirst();
		}

	}

	Response send(String method, String target, Map<String, String> headers, String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.putIfAbsent("Host", "localhost:" + port);
		all.put("Connection", "close");
		if (content.length > 0 || "POST".equals(method)) {
			all.put("Content-Length", Integer.toString(content.length));
		}
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static Response parse(String raw) {
		int end = raw.indexOf("\r\n\r\n");
		String head = end < 0 ? raw : raw.substring(0, end);
		String body = end < 0 ? "" : raw.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
		return new Response(status, headers, body, raw);
	}

}
