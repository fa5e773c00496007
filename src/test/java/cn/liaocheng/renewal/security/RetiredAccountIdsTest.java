package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A deleted account's login id is never given again, nor the id the product writes as its
 * own actor: whoever took it would inherit the messages, case copies, audit entries and
 * engine grants that name it. Every door a new account comes through refuses it.
 */
@WebIntegrationTest
class RetiredAccountIdsTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	AccountIds ids;

	@Test
	void aDeletedAccountsIdIsNotGivenAgainAtAnyDoor() {
		String id = deletedAccount();

		User again = identity.newUser(id);
		again.setFirstName("同名");
		again.setLastName("新人");
		again.setPassword("Namesake@2026pass");
		assertThatThrownBy(() -> identity.saveUser(again)).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("曾属于已删除或已驳回的账户");

		HttpResponse<String> created = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD)
			.postJson("/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
					+ "\",\"firstName\":\"同名\",\"lastName\":\"新人\"},\"credentials\":{\"password\":\"Namesake@2026pass\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
		assertThat(created.body()).contains("不能再次使用");
		assertThat(identity.createUserQuery().userId(id).count()).isZero();

		HttpResponse<String> registered = Registrations.submit(new WebClient(port),
				Registrations.validForm(Registrations.freshCreditCode("371525"), id));
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(Registrations.fieldError(registered.body(), "userId"))
			.hasValueSatisfying(message -> assertThat(message).contains("曾属于已删除或已驳回的账户"));
	}

	@Test
	void manyIdsAreAnsweredAtOnceAsEachAlone() {
		String retired = deletedAccount();
		String free = Registrations.freshUserId();
		List<String> asked = List.of(retired, retired.toUpperCase(Locale.ROOT), "System", free);

		assertThat(ids.refused(asked)).containsExactlyInAnyOrder(retired, retired.toUpperCase(Locale.ROOT), "System");
		assertThat(asked).allSatisfy(id -> assertThat(ids.refusal(id).isPresent()).as(id).isEqualTo(!id.equals(free)));
		assertThat(ids.refused(List.of())).isEmpty();
	}

	/** The id of an account made and deleted. */
	private String deletedAccount() {
		String id = Registrations.freshUserId();
		User leaver = identity.newUser(id);
		leaver.setFirstName("离职");
		leaver.setLastName("人员");
		leaver.setPassword("Leaver@2026pass");
		identity.saveUser(leaver);
		identity.deleteUser(id);
		return id;
	}

	@Test
	void theProductsOwnActorIsNotAnAccount() {
		HttpResponse<String> registered = Registrations.submit(new WebClient(port),
				Registrations.validForm(Registrations.freshCreditCode("371525"), "system"));

		assertThat(Registrations.fieldError(registered.body(), "userId")).hasValue("该登录用户名为系统保留，请换一个");
		assertThat(identity.createUserQuery().userId("system").count()).isZero();
	}

}
