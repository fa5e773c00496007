package cn.liaocheng.renewal.operations;

import org.slf4j.MDC;

/**
 * The id every request is given (under Tomcat by {@code RequestIdValve}, otherwise by
 * {@code RequestIdFilter}): under this key in the logging context of the thread that
 * serves it and among the request's attributes, so that an error answer can name it and a
 * user's report be matched to the log lines.
 */
public final class RequestIds {

	/** The key in the logging context and among the request's attributes. */
	public static final String KEY = "requestId";

	private RequestIds() {
	}

	/** The id of the request this thread serves, or {@code null} outside a request. */
	public static String current() {
		return MDC.get(KEY);
	}

}
