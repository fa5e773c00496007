package cn.liaocheng.renewal.operations;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;

/**
 * Gives the request its id before Tomcat's pipeline runs and keeps it in the log context
 * until the pipeline is done. A filter alone ends too early: Tomcat logs an exception
 * that left the servlet, and renders the error page, after every filter has returned, so
 * those lines (the very ones an error page's request id points at) had no id.
 */
@Component
class RequestIdValve implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addEngineValves(new Valve());
	}

	static final class Valve extends ValveBase {

		Valve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String id = RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER));
			request.setAttribute(RequestIds.KEY, id);
			response.setHeader(RequestIdFilter.HEADER, id);
			MDC.put(RequestIds.KEY, id);
			try {
				getNext().invoke(request, response);
			}
			finally {
				MDC.remove(RequestIds.KEY);
			}
		}

	}

}
