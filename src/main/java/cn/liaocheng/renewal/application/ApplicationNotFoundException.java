package cn.liaocheng.renewal.application;

/**
 * No such application for this user: either it does not exist or it is someone else's
 * (never said which).
 */
public class ApplicationNotFoundException extends RuntimeException {

	public ApplicationNotFoundException() {
		super("申报不存在或无权访问");
	}

}
