package cn.liaocheng.renewal.enterprise.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No enterprise of the user's county has this id: whether it is another county's or none
 * at all is not told (404 either way).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EnterpriseNotFoundException extends RuntimeException {

	static final String MESSAGE = "本辖区没有该企业账户";

	EnterpriseNotFoundException() {
		super(MESSAGE);
	}

}
