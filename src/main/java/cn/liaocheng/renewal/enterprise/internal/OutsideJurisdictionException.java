package cn.liaocheng.renewal.enterprise.internal;

import org.springframework.security.access.AccessDeniedException;

/**
 * A user acted on an enterprise outside its county (or on one that does not exist, which
 * it is not told). Being an {@link AccessDeniedException}, it reaches Spring Security,
 * which answers 403 with the error page.
 */
class OutsideJurisdictionException extends AccessDeniedException {

	static final String MESSAGE = "您只能管理本县（市、区）工业和信息化局辖区内的企业账户";

	OutsideJurisdictionException() {
		super(MESSAGE);
	}

}
