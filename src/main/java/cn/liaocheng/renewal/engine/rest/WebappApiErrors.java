package cn.liaocheng.renewal.engine.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import cn.liaocheng.renewal.operations.RequestIds;

/**
 * Answers failures of the webapps' APIs ({@code /camunda/api/...}) as
 * {@link EngineRestErrors} answers those of {@code /engine-rest}. Camunda builds those
 * JAX-RS applications from a fixed list of classes, with no place for an exception
 * mapper, so this filter holds back any body written with an error status and, for a
 * server error or a refusal whose text is internal, writes the answer of
 * {@link ErrorAnswers} for the exception the engine failed with instead. It rewrites
 * output only; what a caller may do is decided elsewhere. Successful answers pass through
 * unbuffered, downloads included.
 */
@Configuration
class WebappApiErrors {

	@Bean
	FilterRegistrationBean<FailureRewriting> webappApiFailureRewriting(ObjectMapper json) {
		FilterRegistrationBean<FailureRewriting> registration = new FilterRegistrationBean<>(
				new FailureRewriting(json));
		registration.addUrlPatterns("/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	static final class FailureRewriting extends OncePerRequestFilter {

		private final ObjectMapper json;

		FailureRewriting(ObjectMapper json) {
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			FailureBuffer buffered = new FailureBuffer(response);
			chain.doFilter(request, buffered);
			if (!buffered.heldBack() || response.isCommitted()) {
				return;
			}
			byte[] written = buffered.held();
			Map<?, ?> camunda = camundaAnswer(written);
			Throwable failure = (Throwable) request.getAttribute(EngineFailureCapture.ATTRIBUTE);
			ErrorAnswers.Answer answer = ErrorAnswers.answer(failure, buffered.getStatus(),
					camunda == null ? null : String.valueOf(camunda.get("type")),
					camunda != null && camunda.get("message") instanceof String message ? message : null,
					(String) request.getAttribute(RequestIds.KEY));
			if (answer == null) {
				byte[] kept = written;
				if (camunda != null && camunda.get("type") instanceof String type) {
					Map<Object, Object> shown = new LinkedHashMap<>(camunda);
					shown.put("type", ErrorAnswers.publicType(type, buffered.getStatus()));
					if (camunda.get("message") instanceof String message) {
						shown.put("message", ErrorAnswers.publicMessage(type, message));
					}
					kept = json.writeValueAsBytes(shown);
				}
				response.setContentLength(kept.length);
				response.getOutputStream().write(kept);
				return;
			}
			byte[] body = json.writeValueAsBytes(answer.body());
			response.setStatus(answer.status());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

		/**
		 * Camunda's body ({@code type}, {@code message}), or null if what was written is
		 * not one.
		 */
		private Map<?, ?> camundaAnswer(byte[] written) {
			try {
				return json.readValue(written, Map.class);
			}
			catch (IOException notJson) {
				return null;
			}
		}

	}

	/**
	 * Passes output through unless the status is an error when writing begins; then keeps
	 * it.
	 */
	private static final class FailureBuffer extends HttpServletResponseWrapper {

		private static final int HELD_FROM = 400;

		private ByteArrayOutputStream held;

		private PrintWriter writer;

		private boolean errorSent;

		FailureBuffer(HttpServletResponse response) {
			super(response);
		}

		byte[] held() {
			if (writer != null) {
				writer.flush();
			}
			return held == null ? new byte[0] : held.toByteArray();
		}

		boolean heldBack() {
			// A refusal without a body, or one sent to the container's error page, is the
			// container's to answer.
			return !errorSent && (held != null || getStatus() >= 500);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (getStatus() < HELD_FROM) {
				return super.getOutputStream();
			}
			hold();
			return new ServletOutputStream() {

				@Override
				public void write(int b) {
					held.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) {
					held.write(b, off, len);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException("server error bodies are written synchronously");
				}

			};
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (getStatus() < HELD_FROM) {
				return super.getWriter();
			}
			hold();
			if (writer == null) {
				writer = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8));
			}
			return writer;
		}

		@Override
		public void setContentLength(int length) {
			if (getStatus() < HELD_FROM) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (getStatus() < HELD_FROM) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (getStatus() < HELD_FROM || !"Content-Length".equalsIgnoreCase(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (getStatus() < HELD_FROM) {
				super.flushBuffer();
			}
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (status < 500) {
				errorSent = true;
				super.sendError(status, message);
			}
			else {
				setStatus(status);
			}
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		private void hold() {
			if (held == null) {
				held = new ByteArrayOutputStream();
			}
		}

	}

}
