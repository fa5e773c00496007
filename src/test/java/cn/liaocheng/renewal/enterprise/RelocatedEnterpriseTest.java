package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.submit;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise that moved into a county registers there with the credit code of the
 * county it left: the county it chose activates it, told (in its list, its API and the
 * registration's message) to check the business licence's address first; the county that
 * issued the code does not see it at all.
 */
@WebIntegrationTest
class RelocatedEnterpriseTest {

	private static final String DONGCHANGFU = "371502";

	private static final String CHIPING = "371503";

	private static final String CP_INDUSTRY = "cp-industry";

	private static final String DCF_INDUSTRY = "dcf-industry";

	private static final String TO_CHECK = "信用代码登记地为东昌府区，企业声明已迁入本县：激活前请核验营业执照住所";

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void theChosenCountysBureauIsToldToCheckTheLicenceAndTheIssuingCountySeesNothing() throws Exception {
		Enterprise moved = registerMovedIntoChiping();
		Enterprise stayed = registerIn(CHIPING, CHIPING);

		WebClient chiping = as(CP_INDUSTRY);
		String row = rowOf(chiping.get("/county/enterprises?q=" + moved.creditCode().value()).body(), moved);
		assertThat(row).contains(moved.name()).contains("待激活").contains(TO_CHECK);
		assertThat(rowOf(chiping.get("/county/enterprises?q=" + stayed.creditCode().value()).body(), stayed))
			.doesNotContain("企业声明已迁入本县");
		JsonNode listed = listing(chiping, moved);
		assertThat(listed.path("divisionCode").asText()).isEqualTo(CHIPING);
		assertThat(listed.path("movedFromDivision").asText()).isEqualTo(DONGCHANGFU);
		assertThat(listed.path("movedFromDivisionName").asText()).isEqualTo("东昌府区");
		assertThat(listed.path("relocationNote").asText()).isEqualTo(TO_CHECK);
		assertThat(listing(chiping, stayed).hasNonNull("relocationNote")).isFalse();
		assertThat(listing(chiping, stayed).hasNonNull("movedFromDivision")).isFalse();

		WebClient dongchangfu = as(DCF_INDUSTRY);
		assertThat(dongchangfu.get("/county/enterprises?q=" + moved.creditCode().value()).body())
			.doesNotContain(moved.name())
			.contains("没有找到符合条件的企业账户");
		assertThat(json.readTree(dongchangfu.get("/api/county/enterprises").body()).findValuesAsText("creditCode"))
			.doesNotContain(moved.creditCode().value());

		assertThat(noteBody("cp-industry-lead", moved)).contains("其信用代码登记地为东昌府区，企业声明已迁入本县：激活前请核验营业执照住所在本辖区。");
		assertThat(noteBody(CP_INDUSTRY, stayed)).doesNotContain("迁入");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id LIKE 'dcf-%' AND dedup_key = ?")
			.param("enterprise-registered:" + moved.id())
			.query(Long.class)
			.single()).isZero();

		// Once activated, the declaration stays on record without asking for a check.
		String token = WebClient.csrfTokenOf(chiping.get("/").body());
		chiping.postForm("/county/enterprises/" + moved.id() + "/activate", "_csrf=" + token);
		assertThat(listing(chiping, moved).path("status").asText()).isEqualTo("ACTIVE");
		assertThat(listing(chiping, moved).path("relocationNote").asText()).isEqualTo("信用代码登记地为东昌府区，企业声明已迁入本县");
	}

	private Enterprise registerMovedIntoChiping() {
		return registerIn(DONGCHANGFU, CHIPING);
	}

	private Enterprise registerIn(String issuedIn, String division) {
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(freshCreditCode(issuedIn), userId));
		form.put("divisionCode", division);
		form.put("movedInto", division);
		assertThat(submit(new WebClient(port), form).statusCode()).isEqualTo(302);
		return registry.findByUser(userId).orElseThrow();
	}

	private JsonNode listing(WebClient client, Enterprise enterprise) throws Exception {
		for (JsonNode account : json.readTree(client.get("/api/county/enterprises").body())) {
			if (account.path("id").asLong() == enterprise.id()) {
				return account;
			}
		}
		throw new AssertionError("not listed: " + enterprise.name());
	}

	/** The enterprise's row of the county's list. */
	private static String rowOf(String page, Enterprise enterprise) {
		int start = page.indexOf("id=\"enterprise-" + enterprise.id() + "\"");
		assertThat(start).as("row of %s", enterprise.name()).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private String noteBody(String recipient, Enterprise enterprise) {
		return jdbc.sql("SELECT body FROM notification WHERE recipient_id = ? AND dedup_key = ?")
			.params(recipient, "enterprise-registered:" + enterprise.id())
			.query(String.class)
			.single();
	}

	private WebClient as(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

}
