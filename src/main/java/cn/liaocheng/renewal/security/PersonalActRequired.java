package cn.liaocheng.renewal.security;

/**
 * An act a person signed in must make, asked with an API token
 * ({@link PortalUser#requirePerson}); answered 403 with the message.
 */
public class PersonalActRequired extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PersonalActRequired(String message) {
		super(message);
	}

}
