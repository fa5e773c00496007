package cn.liaocheng.renewal.enterprise;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The account may not act as an enterprise (yet): it belongs to no enterprise, or its
 * county has not activated it, or it was disabled. The message tells the user what to do.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class InactiveEnterpriseException extends RuntimeException {

	private final Reason reason;

	public InactiveEnterpriseException(Reason reason) {
		super(reason.message());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * Why the account may not act as an enterprise, with the message shown to the user.
	 */
	public enum Reason {

		NOT_AN_ENTERPRISE("当前账户不是企业账户"), PENDING("企业账户尚未激活，请联系所在县工业和信息化局"), DISABLED("企业账户已停用，请联系所在县工业和信息化局"),
		REJECTED("企业注册已被驳回，请联系所在县工业和信息化局");

		private final String message;

		Reason(String message) {
			this.message = message;
		}

		public String message() {
			return message;
		}

	}

}
