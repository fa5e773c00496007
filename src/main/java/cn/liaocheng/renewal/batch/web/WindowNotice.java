package cn.liaocheng.renewal.batch.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.liaocheng.renewal.batch.ApplicationWindows;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the published windows into the enterprise's "我的申报" page, where applications are
 * created, as {@code applicationWindows}; the page shows them with the fragment
 * {@code batch/notice :: windows}. An interceptor, because the application module that
 * owns the page must not depend on the batches.
 */
@Configuration(proxyBeanMethods = false)
class WindowNotice implements WebMvcConfigurer {

	static final String ATTRIBUTE = "applicationWindows";

	private final ApplicationWindows windows;

	WindowNotice(ApplicationWindows windows) {
		this.windows = windows;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				if (view != null && "GET".equals(request.getMethod()) && view.getViewName() != null
						&& !view.getViewName().startsWith("redirect:")) {
					view.addObject(ATTRIBUTE, windows.published());
				}
			}

		}).addPathPatterns("/enterprise/applications");
	}

}
