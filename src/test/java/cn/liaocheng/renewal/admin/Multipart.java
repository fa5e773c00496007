package cn.liaocheng.renewal.admin;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, as a browser or Camunda Modeler sends it. */
final class Multipart {

	private final String boundary = "----renewal" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	Multipart field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	Multipart file(String field, String fileName, String content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		write(content);
		write("\r\n");
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	HttpRequest.BodyPublisher publisher() {
		write("--" + boundary + "--\r\n");
		return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
	}

	private void write(String s) {
		body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
	}

}
