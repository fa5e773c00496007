package cn.liaocheng.renewal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

/**
 * The node's budget for larger bodies read at once, and bodies that come in chunks (no
 * declared length), on the filter itself.
 */
class RequestBodyBudgetTest {

	private static final int KB = 1024;

	/** A budget of 100 kB that waits 200 ms. */
	private final RequestBodyBounds.BodyBound bound = new RequestBodyBounds.BodyBound(new ObjectMapper(), 100, 200);

	@Test
	void aLargerBodyWaitsForRoomAndIsAnswered503WhenThereIsNone() throws Exception {
		List<Integer> inner = new ArrayList<>();
		MockHttpServletResponse outer = new MockHttpServletResponse();
		// While one 80 kB body is being handled, a second one finds no room.
		bound.doFilter(json(80 * KB), outer, (request, response) -> {
			MockHttpServletResponse second = new MockHttpServletResponse();
			bound.doFilter(json(80 * KB), second, new MockFilterChain());
			inner.add(second.getStatus());
			// Small bodies do not wait.
			MockHttpServletResponse small = new MockHttpServletResponse();
			bound.doFilter(json(10 * KB), small, new MockFilterChain());
			inner.add(small.getStatus());
		});
		assertThat(outer.getStatus()).isEqualTo(200);
		assertThat(inner).containsExactly(503, 200);
		// Once the first is done its room is free again.
		MockHttpServletResponse third = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		bound.doFilter(json(80 * KB), third, chain);
		assertThat(third.getStatus()).isEqualTo(200);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void aChunkedBodyIsReadUpToItsBoundAndPassedOnWhole() throws Exception {
		// A body in chunks holds room for its whole bound (2 MB) while it is read.
		RequestBodyBounds.BodyBound bound = new RequestBodyBounds.BodyBound(new ObjectMapper(), 4 * KB, 200);
		MockHttpServletResponse refused = new MockHttpServletResponse();
		MockFilterChain notReached = new MockFilterChain();
		bound.doFilter(chunked("PUT", "application/json", 3 * KB * KB), refused, notReached);
		assertThat(refused.getStatus()).isEqualTo(413);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请求内容过大");
		assertThat(notReached.getRequest()).isNull();

		byte[][] seen = new byte[1][];
		bound.doFilter(chunked("PUT", "application/json", 50 * KB), new MockHttpServletResponse(),
				(request, response) -> seen[0] = request.getInputStream().readAllBytes());
		assertThat(seen[0]).hasSize(50 * KB);

		String[] read = new String[1];
		MockHttpServletRequest text = chunked("PATCH", "application/x-www-form-urlencoded", 0);
		text.setContent("a=一".getBytes(StandardCharsets.UTF_8));
		text.setCharacterEncoding("UTF-8");
		bound.doFilter(text, new MockHttpServletResponse(),
				(request, response) -> read[0] = request.getReader().readLine());
		assertThat(read[0]).isEqualTo("a=一");
	}

	@Test
	void aChunkedUploadToTheEngineNeedsALengthAndAFormPostIsLeftToTomcat() throws Exception {
		MockHttpServletResponse upload = new MockHttpServletResponse();
		bound.doFilter(chunked("POST", "multipart/form-data; boundary=XX", KB), upload, new MockFilterChain());
		assertThat(upload.getStatus()).isEqualTo(411);

		MockHttpServletRequest form = chunked("POST", "application/x-www-form-urlencoded", KB);
		FilterChain untouched = (request, response) -> assertThat(request).isSameAs(form);
		bound.doFilter(form, new MockHttpServletResponse(), untouched);
	}

	private static MockHttpServletRequest json(int length) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/applications");
		request.setContentType("application/json");
		request.setContent(new byte[length]);
		return request;
	}

	/**
	 * A request with a body and no declared length, as Tomcat shows one sent in chunks.
	 */
	private static MockHttpServletRequest chunked(String method, String contentType, int length) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/x") {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContentType(contentType);
		request.addHeader("Transfer-Encoding", "chunked");
		request.setContent(new byte[length]);
		return request;
	}

}
