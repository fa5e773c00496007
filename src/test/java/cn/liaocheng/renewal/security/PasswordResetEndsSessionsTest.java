package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An administrator's password reset, through Camunda Admin's API or the REST API, ends
 * every session of the account (the enterprise's own change is in
 * {@code AccountSettingsTest}).
 */
@WebIntegrationTest
class PasswordResetEndsSessionsTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@EnumSource(Door.class)
	void anAdministratorsResetEndsEverySessionOfTheAccountAndNoneOfTheAdministrators(Door door) {
		String userId = freshAccount();
		WebClient first = loggedIn(userId);
		WebClient second = loggedIn(userId);
		assertThat(first.get("/account").statusCode()).isEqualTo(200);
		Caller admin = EngineDoors.caller(port, door, DemoUsers.ADMIN);

		HttpResponse<String> reset = admin.send("PUT", door.root + "/user/" + userId + "/credentials",
				"{\"password\":\"Reset@2026pass\",\"authenticatedUserPassword\":\"" + DemoUsers.PASSWORD + "\"}");

		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
		assertThat(first.get("/account").statusCode()).as("a session of the account, on a page").isEqualTo(302);
		assertThat(second.get("/api/applications").statusCode()).as("another, on the API").isEqualTo(401);
		assertThat(admin.send("GET", door.root + "/user/" + userId + "/profile", null).statusCode())
			.as("the administrator's own session")
			.isEqualTo(200);
		assertThat(loggedIn(userId, "Reset@2026pass").get("/account").statusCode()).as("the new password")
			.isEqualTo(200);
	}

	/**
	 * A session keeps the groups of its login: a membership gained or lost ends the
	 * account's sessions, so no one keeps a body's doors after leaving it.
	 */
	@ParameterizedTest
	@EnumSource(Door.class)
	void aMembershipGainedOrLostEndsTheAccountsSessions(Door door) {
		String userId = freshAccount();
		Caller admin = EngineDoors.caller(port, door, DemoUsers.ADMIN);
		String membership = door.root + "/group/city-ecology/members/" + userId;

		WebClient before = loggedIn(userId);
		assertThat(before.get("/account").statusCode()).isEqualTo(200);
		assertThat(admin.send("PUT", membership, null).statusCode()).isEqualTo(204);
		assertThat(before.get("/account").statusCode()).as("the session of the groups before").isEqualTo(302);

		WebClient during = loggedIn(userId);
		assertThat(during.get("/account").statusCode()).isEqualTo(200);
		assertThat(admin.send("DELETE", membership, null).statusCode()).isEqualTo(204);
		assertThat(during.get("/api/applications").statusCode()).as("the session with the group lost").isEqualTo(401);
		assertThat(admin.send("GET", door.root + "/user/" + userId + "/profile", null).statusCode())
			.as("the administrator's own session")
			.isEqualTo(200);
	}

	/**
	 * A group's type decides its members' doors: changing it ends their sessions; saving
	 * it again with its type unchanged does not.
	 */
	@ParameterizedTest
	@EnumSource(Door.class)
	void aGroupsTypeChangedEndsItsMembersSessionsAndARenameDoesNot(Door door) {
		String userId = freshAccount();
		String groupId = "type-test-" + userId;
		Caller admin = EngineDoors.caller(port, door, DemoUsers.ADMIN);
		assertThat(admin
			.send("POST", door.root + "/group/create",
					"{\"id\":\"" + groupId + "\",\"name\":\"类型测试组\",\"type\":\"CITY\"}")
			.statusCode()).isEqualTo(204);
		assertThat(admin.send("PUT", door.root + "/group/" + groupId + "/members/" + userId, null).statusCode())
			.isEqualTo(204);

		WebClient session = loggedIn(userId);
		assertThat(session.get("/account").statusCode()).isEqualTo(200);
		assertThat(admin
			.send("PUT", door.root + "/group/" + groupId,
					"{\"id\":\"" + groupId + "\",\"name\":\"类型测试组（更名）\",\"type\":\"CITY\"}")
			.statusCode()).isEqualTo(204);
		assertThat(session.get("/account").statusCode()).as("renamed, same doors").isEqualTo(200);
		assertThat(admin
			.send("PUT", door.root + "/group/" + groupId,
					"{\"id\":\"" + groupId + "\",\"name\":\"类型测试组（更名）\",\"type\":\"BANK\"}")
			.statusCode()).isEqualTo(204);
		assertThat(session.get("/account").statusCode()).as("the session of the type before").isEqualTo(302);
		assertThat(admin.send("DELETE", door.root + "/group/" + groupId, null).statusCode()).isEqualTo(204);
	}

	/**
	 * An account of its own: ending its sessions must not end those of other test
	 * classes.
	 */
	private String freshAccount() {
		String userId = Registrations.freshUserId();
		assertThat(Registrations
			.submit(new WebClient(port), Registrations.validForm(Registrations.freshCreditCode("371525"), userId))
			.statusCode()).isEqualTo(302);
		return userId;
	}

	private WebClient loggedIn(String userId) {
		return loggedIn(userId, Registrations.PASSWORD);
	}

	private WebClient loggedIn(String userId, String password) {
		WebClient client = new WebClient(port);
		client.login(userId, password);
		return client;
	}

}
