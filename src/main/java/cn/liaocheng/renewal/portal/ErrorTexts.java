package cn.liaocheng.renewal.portal;

import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What a person is told about a failed request, by status and, where it says more, by the
 * exception: a title, what happened and what to do next. Never the exception's own text,
 * which is English and may name internals.
 */
record ErrorTexts(String title, String detail) {

	static ErrorTexts of(int status, Throwable failure) {
		if (failure instanceof CsrfException) {
			return new ErrorTexts("页面已过期", "页面打开时间过长或已在其他窗口退出登录，安全令牌已失效。请刷新页面后重新操作。");
		}
		if (failure instanceof MissingServletRequestParameterException missing) {
			return new ErrorTexts("链接不完整", "请求缺少参数 " + missing.getParameterName() + "。请返回上一页，通过页面上的按钮或链接重新进入。");
		}
		if (failure instanceof MethodArgumentTypeMismatchException mismatch) {
			return new ErrorTexts("链接参数无效", "参数 " + mismatch.getName() + " 的值无效。请返回上一页，通过页面上的按钮或链接重新进入。");
		}
		if (failure instanceof MaxUploadSizeExceededException) {
			return new ErrorTexts("上传文件过大", "单个附件不能超过 10 MB，请压缩或拆分后重新上传。");
		}
		if (failure instanceof MultipartException) {
			return new ErrorTexts("上传未完成", "文件上传中断或格式不正确，请重新选择文件上传。");
		}
		if (failure instanceof HttpRequestMethodNotSupportedException) {
			return of(405, null);
		}
		if (failure instanceof HttpMediaTypeNotSupportedException) {
			return of(415, null);
		}
		return switch (status) {
			case 400 -> new ErrorTexts("请求有误", "提交的内容格式不正确。请返回上一页检查后重新提交。");
			case 401 -> new ErrorTexts("需要登录", "请先登录后再访问。");
			case 403 -> new ErrorTexts("无权访问", "您没有访问该页面或数据的权限。如需开通，请联系本单位系统管理员。");
			case 404 -> new ErrorTexts("页面不存在", "您访问的页面或数据不存在，或已被移除。请检查网址，或从首页重新进入。");
			case 409 -> new ErrorTexts("已被他人处理", "您提交时，该事项已被他人或在其他窗口处理（例如同时认领、撤回或重复提交），本次提交未生效。请刷新页面查看最新状态后再操作。");
			case 405 -> new ErrorTexts("不支持该操作方式", "该地址不支持这种请求方式（例如在地址栏直接打开了只能由页面按钮提交的地址）。请返回上一页，通过页面上的按钮操作。");
			case 413 -> new ErrorTexts("上传内容过大", "单个附件不能超过 10 MB，请压缩或拆分后重新上传。");
			case 415 -> new ErrorTexts("内容类型不支持", "请求的内容类型不受支持。接口请使用 application/json 或 multipart/form-data。");
			case 429 -> new ErrorTexts("操作过于频繁", "请稍候再试。");
			default -> status >= 500 ? new ErrorTexts("系统错误", "系统处理请求时出现错误，您提交的内容未保存。请稍后重试；如问题持续，请将下方的请求编号告知系统管理员。")
					: new ErrorTexts("请求未能完成", "请返回上一页后重试。");
		};
	}

}
