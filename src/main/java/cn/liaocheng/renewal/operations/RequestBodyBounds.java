package cn.liaocheng.renewal.operations;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds what one request body may cost a node's heap before anything is decided about
 * it. A node runs with {@code -Xmx384m -XX:+ExitOnOutOfMemoryError}, and several readers
 * take a body whole into memory: Spring's form filter (a {@code PUT}, {@code PATCH} or
 * {@code DELETE} with a form body, before login is checked), Jackson for every JSON body
 * (a string up to 20 million characters, any number of them), and Camunda's REST API for
 * every multipart body, at {@code /engine-rest} and the webapps' {@code /camunda/api}
 * alike, before the engine looks at who is asking.
 * <ul>
 * <li>A body other than multipart: at most {@value #TEXT_MB} MB. What the product's
 * clients send is far smaller (a dossier of 200 equipment lines is some 100 kB).</li>
 * <li>A multipart body that Spring's dispatcher reads (the portal's and the API's
 * uploads): Spring's own limits, which answer in Chinese; Spring keeps the files on
 * disk.</li>
 * <li>A multipart body read by any other servlet (the engine's APIs, which keep it in
 * memory): at most {@value #IN_MEMORY_MULTIPART_MB} MB, and only with a declared length
 * (411 otherwise).</li>
 * </ul>
 * A declared length past the bound is refused (413) before the body is read. A body sent
 * in chunks is read here up to its bound and refused past it; only a form {@code POST} is
 * left to Tomcat, whose {@code maxPostSize} (2 MB) bounds it. Larger bodies (past
 * {@value #SMALL_KB} kB) also share a budget of {@value #BUDGET_MB} MB a node, so that
 * many at once cannot add up to the heap either; a body that finds no room within
 * {@value #WAIT_SECONDS} s is answered 503. The refusals are Chinese problem details (no
 * page: a browser's own forms and uploads never come near the bounds).
 */
@Configuration
class RequestBodyBounds {

	static final int TEXT_MB = 2;

	static final int IN_MEMORY_MULTIPART_MB = 16;

	static final int SMALL_KB = 64;

	static final int BUDGET_MB = 24;

	static final int WAIT_SECONDS = 10;

	private static final Logger LOG = LoggerFactory.getLogger(RequestBodyBounds.class);

	@Bean
	FilterRegistrationBean<BodyBound> requestBodyBound(ObjectMapper json) {
		FilterRegistrationBean<BodyBound> registration = new FilterRegistrationBean<>(
				new BodyBound(json, BUDGET_MB * 1024, TimeUnit.SECONDS.toMillis(WAIT_SECONDS)));
		// Before every filter that may read a body (Spring's form filter is at -9900,
		// Spring Security at -100).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	static final class BodyBound extends OncePerRequestFilter {

		private final ObjectMapper json;

		/** Kilobytes of larger bodies a node reads at once. */
		private final Semaphore budget;

		private final long waitMillis;

		BodyBound(ObjectMapper json, int budgetKb, long waitMillis) {
			this.json = json;
			this.budget = new Semaphore(budgetKb, true);
			this.waitMillis = waitMillis;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long declared = request.getContentLengthLong();
			boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
			if (declared <= 0 && !chunked) {
				chain.doFilter(request, response);
				return;
			}
			boolean multipart = isMultipart(request);
			if (multipart && readBySpring(request)) {
				chain.doFilter(request, response);
				return;
			}
			long bound = (multipart ? IN_MEMORY_MULTIPART_MB : TEXT_MB) * 1024L * 1024L;
			if (declared > bound) {
				refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(multipart));
				return;
			}
			if (chunked && multipart) {
				refuse(response, HttpStatus.LENGTH_REQUIRED, "上传文件时请求须注明内容长度（Content-Length），请不要分块发送");
				return;
			}
			if (chunked && isFormPost(request)) {
				// Tomcat reads a form POST itself, bounded by maxPostSize.
				chain.doFilter(request, response);
				return;
			}
			long reserved = chunked ? bound : declared;
			int kilobytes = reserved <= SMALL_KB * 1024L ? 0 : (int) ((reserved + 1023) / 1024);
			if (kilobytes > 0 && !acquire(kilobytes)) {
				LOG.warn("Request body of {} bytes refused: the node is reading {} MB of bodies already",
						chunked ? "chunked" : declared, BUDGET_MB);
				response.setHeader("Retry-After", "30");
				refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "服务器正在处理较多的大请求，请稍候半分钟再提交");
				return;
			}
			try {
				HttpServletRequest read = request;
				if (chunked) {
					byte[] body = readUpTo(request.getInputStream(), bound);
					if (body == null) {
						refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(false));
						return;
					}
					read = new ReadBody(request, body);
				}
				chain.doFilter(read, response);
			}
			finally {
				if (kilobytes > 0) {
					budget.release(kilobytes);
				}
			}
		}

		private boolean acquire(int kilobytes) {
			try {
				return budget.tryAcquire(kilobytes, waitMillis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		private static String tooLarge(boolean multipart) {
			return multipart ? "请求内容过大：向流程引擎接口上传的内容不能超过 " + IN_MEMORY_MULTIPART_MB + " MB"
					: "请求内容过大：除上传文件外，一次提交的内容不能超过 " + TEXT_MB + " MB，请精简后重新提交；附件请通过上传功能提交";
		}

		private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
			ProblemDetail problem = Problems.of(status, status == HttpStatus.SERVICE_UNAVAILABLE ? "服务器繁忙" : "请求内容过大",
					detail);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			json.writeValue(response.getOutputStream(), problem);
		}

	}

	static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
	}

	private static boolean isFormPost(HttpServletRequest request) {
		String type = request.getContentType();
		return "POST".equals(request.getMethod()) && type != null && type.regionMatches(true, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	/**
	 * Spring's dispatcher hands multipart bodies to the servlet container, which keeps
	 * the files on disk within Spring's limits; every other servlet here is one of the
	 * engine's APIs.
	 */
	private static boolean readBySpring(HttpServletRequest request) {
		HttpServletMapping mapping = request.getHttpServletMapping();
		return mapping != null && DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME
			.equals(mapping.getServletName());
	}

	/** The body, or {@code null} when it is longer than {@code bound}. */
	static byte[] readUpTo(InputStream in, long bound) throws IOException {
		byte[] body = in.readNBytes((int) bound + 1);
		return body.length > bound ? null : body;
	}

	/** A request whose body was read here. */
	static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
