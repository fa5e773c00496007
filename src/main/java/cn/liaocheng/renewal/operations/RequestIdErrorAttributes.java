package cn.liaocheng.renewal.operations;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Puts the request id on every error page and error body, so that a user can quote it to
 * an operator.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object id = request.getAttribute(RequestIds.KEY, RequestAttributes.SCOPE_REQUEST);
		if (id != null) {
			attributes.put(RequestIds.KEY, id);
		}
		return attributes;
	}

}
