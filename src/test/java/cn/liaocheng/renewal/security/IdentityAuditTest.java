package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.EngineDoors.Caller;
import cn.liaocheng.renewal.support.EngineDoors.Door;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Who is who is in the audit trail: every account, password, group, membership and tenant
 * made, changed or deleted, through either REST root (Camunda Admin uses the second) or
 * the application's own code, with the name of whoever did it.
 */
@WebIntegrationTest
class IdentityAuditTest {

	private static final String BODY = CountyReviewTasks.BODY;

	private static final String ADMIN = DemoUsers.ADMIN;

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Accounts, groups, memberships, passwords and tenants: whoever changes them at
	 * either REST root (Camunda Admin uses the second) is named in the audit trail, and
	 * the application's own changes are the system's.
	 */
	@ParameterizedTest
	@EnumSource(Door.class)
	void everyChangeOfAccountsGroupsAndTenantsIsAuditedWithWhoMadeIt(Door door) {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String userId = "audit-user-" + suffix;
		String groupId = "audit-group-" + suffix;
		String tenantId = "t" + suffix;
		Caller admin = EngineDoors.caller(port, door, ADMIN);
		String root = door.root;
		long before = lastAuditId();

		expect(admin.send("POST", root + "/user/create",
				"{\"profile\":{\"id\":\"" + userId
						+ "\",\"firstName\":\"审计\",\"lastName\":\"测试\",\"email\":\"a@demo.invalid\"},"
						+ "\"credentials\":{\"password\":\"Audit@2026pass\"}}"),
				204);
		expect(admin.send("PUT", root + "/user/" + userId + "/credentials",
				"{\"password\":\"Reset@2026pass\",\"authenticatedUserPassword\":\"" + DemoUsers.PASSWORD + "\"}"), 204);
		// A decision names a reviewer by the account's name then: a renaming is kept.
		expect(admin.send("PUT", root + "/user/" + userId + "/profile",
				"{\"id\":\"" + userId + "\",\"firstName\":\"改名\",\"lastName\":\"测试\",\"email\":\"b@demo.invalid\"}"),
				204);
		expect(admin.send("POST", root + "/group/create",
				"{\"id\":\"" + groupId + "\",\"name\":\"审计测试组\",\"type\":\"CITY\"}"), 204);
		expect(admin.send("PUT", root + "/group/" + groupId + "/members/" + userId, null), 204);
		expect(admin.send("PUT", root + "/group/" + GroupNames.ADMINISTRATORS + "/members/" + userId, null), 204);
		expect(admin.send("DELETE", root + "/group/" + GroupNames.ADMINISTRATORS + "/members/" + userId, null), 204);
		expect(admin.send("PUT", root + "/group/" + groupId,
				"{\"id\":\"" + groupId + "\",\"name\":\"审计测试组\",\"type\":\"BANK\"}"), 204);
		expect(admin.send("POST", root + "/tenant/create", "{\"id\":\"" + tenantId + "\",\"name\":\"审计租户\"}"), 204);
		expect(admin.send("PUT", root + "/tenant/" + tenantId + "/user-members/" + userId, null), 204);
		expect(admin.send("PUT", root + "/tenant/" + tenantId + "/group-members/" + groupId, null), 204);
		expect(admin.send("DELETE", root + "/tenant/" + tenantId + "/user-members/" + userId, null), 204);
		expect(admin.send("DELETE", root + "/tenant/" + tenantId + "/group-members/" + groupId, null), 204);
		expect(admin.send("DELETE", root + "/tenant/" + tenantId, null), 204);
		expect(admin.send("DELETE", root + "/group/" + groupId, null), 204);
		expect(admin.send("DELETE", root + "/user/" + userId, null), 204);

		assertThat(auditedSince(before, "user:" + userId)).containsExactly(ADMIN + " USER_CREATED name=测试审计",
				ADMIN + " USER_PASSWORD_CHANGED reset",
				ADMIN + " USER_PROFILE_CHANGED name 测试审计 -> 测试改名; email a@demo.invalid -> b@demo.invalid",
				ADMIN + " GROUP_MEMBERSHIP_CREATED group=" + groupId,
				ADMIN + " GROUP_MEMBERSHIP_CREATED group=" + GroupNames.ADMINISTRATORS,
				ADMIN + " GROUP_MEMBERSHIP_DELETED group=" + GroupNames.ADMINISTRATORS,
				ADMIN + " TENANT_MEMBERSHIP_CREATED tenant=" + tenantId,
				ADMIN + " TENANT_MEMBERSHIP_DELETED tenant=" + tenantId, ADMIN + " USER_DELETED groups=");
		assertThat(auditedSince(before, "group:" + groupId)).containsExactly(
				ADMIN + " GROUP_CREATED name=审计测试组 type=CITY", ADMIN + " GROUP_TYPE_CHANGED type CITY -> BANK",
				ADMIN + " TENANT_MEMBERSHIP_CREATED tenant=" + tenantId,
				ADMIN + " TENANT_MEMBERSHIP_DELETED tenant=" + tenantId, ADMIN + " GROUP_DELETED members=" + userId);
		assertThat(auditedSince(before, "tenant:" + tenantId)).containsExactly(ADMIN + " TENANT_CREATED name=审计租户",
				ADMIN + " TENANT_DELETED ");
	}

	/**
	 * An authorization decides who reads and works which cases as a membership does: one
	 * created, widened and deleted at either REST root is in the audit trail with who did
	 * it and what it granted, before and after.
	 */
	@ParameterizedTest
	@EnumSource(Door.class)
	void everyAuthorizationCreatedChangedOrDeletedIsAuditedWithWhatItGranted(Door door) {
		String userId = "audit-grant-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Caller admin = EngineDoors.caller(port, door, ADMIN);
		String root = door.root;
		long before = lastAuditId();

		HttpResponse<String> created = admin.send("POST", root + "/authorization/create",
				"{\"type\":1,\"resourceType\":7,\"resourceId\":\"*\",\"permissions\":[\"READ\"],\"userId\":\"" + userId
						+ "\"}");
		expect(created, 200);
		String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		expect(admin.send("PUT", root + "/authorization/" + id,
				"{\"type\":1,\"resourceType\":7,\"resourceId\":\"*\",\"permissions\":[\"READ\",\"UPDATE\"],\"userId\":\""
						+ userId + "\"}"),
				204);
		expect(admin.send("PUT", root + "/authorization/" + id,
				"{\"type\":1,\"resourceType\":7,\"resourceId\":\"*\",\"permissions\":[\"ALL\"],\"userId\":\"" + userId
						+ "\"}"),
				204);
		expect(admin.send("DELETE", root + "/authorization/" + id, null), 204);

		assertThat(auditedSince(before, "authorization:" + id)).containsExactly(
				ADMIN + " AUTHORIZATION_CREATED GRANT user:" + userId + " Task * READ",
				ADMIN + " AUTHORIZATION_UPDATED GRANT user:" + userId + " Task * READ -> GRANT user:" + userId
						+ " Task * READ,UPDATE",
				ADMIN + " AUTHORIZATION_UPDATED GRANT user:" + userId + " Task * READ,UPDATE -> GRANT user:" + userId
						+ " Task * ALL",
				ADMIN + " AUTHORIZATION_DELETED GRANT user:" + userId + " Task * ALL");

		// A revocation names what it takes away, not ALL as soon as one bit is gone.
		HttpResponse<String> revoke = admin.send("POST", root + "/authorization/create",
				"{\"type\":2,\"resourceType\":6,\"resourceId\":\"audit-probe\",\"permissions\":[\"READ\"],\"userId\":\""
						+ userId + "\"}");
		expect(revoke, 200);
		String revokeId = revoke.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		expect(admin.send("DELETE", root + "/authorization/" + revokeId, null), 204);
		assertThat(auditedSince(before, "authorization:" + revokeId)).containsExactly(
				ADMIN + " AUTHORIZATION_CREATED REVOKE user:" + userId + " ProcessDefinition audit-probe READ",
				ADMIN + " AUTHORIZATION_DELETED REVOKE user:" + userId + " ProcessDefinition audit-probe READ");
	}

	/** The application's own changes, made in nobody's name, are the system's. */
	@Test
	void theApplicationsOwnChangesAreAuditedAsTheSystems() {
		String userId = "audit-own-" + UUID.randomUUID().toString().substring(0, 8);
		long before = lastAuditId();
		User user = identity.newUser(userId);
		user.setFirstName("审核员");
		user.setLastName("冠县工业和信息化局");
		identity.saveUser(user);
		identity.createMembership(userId, BODY);
		identity.deleteUser(userId);

		assertThat(auditedSince(before, "user:" + userId)).containsExactly("system USER_CREATED name=冠县工业和信息化局审核员",
				"system GROUP_MEMBERSHIP_CREATED group=" + BODY, "system USER_DELETED groups=" + BODY);
	}

	// --- helpers

	private static void expect(HttpResponse<String> response, int status) {
		assertThat(response.statusCode())
			.as(response.request().method() + " " + response.uri() + ": " + response.body())
			.isEqualTo(status);
	}

	private long lastAuditId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_log").query(Long.class).single();
	}

	private List<String> auditedSince(long id, String subject) {
		return jdbc
			.sql("SELECT actor || ' ' || action || ' ' || details FROM audit_log WHERE id > ? AND subject = ?"
					+ " ORDER BY id")
			.params(id, subject)
			.query(String.class)
			.list();
	}

}
