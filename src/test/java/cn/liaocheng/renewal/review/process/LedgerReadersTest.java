package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 贷款台账 is the city finance bureau's (its officers and lead) and the banks': only they get
 * the header's link, and anyone else who opens the page is told whose it is, not that
 * there are no loans.
 */
@WebIntegrationTest
class LedgerReadersTest {

	private static final String LINK = "id=\"ledger-link\"";

	private static final String OUTSIDER = "贷款台账仅供市财政局";

	@LocalServerPort
	int port;

	@Test
	void theFinanceBureauAndTheBanksGetTheLinkAndTheirLoans() {
		for (String reader : List.of("lc-finance", "lc-finance-lead", "lc-finance-pay", DemoUsers.BANK_OFFICER,
				"abc-officer")) {
			WebClient session = session(reader);
			assertThat(session.get("/").body()).as(reader).contains(LINK);
			HttpResponse<String> ledger = session.get("/ledger");
			assertThat(ledger.statusCode()).as(reader).isEqualTo(200);
			assertThat(ledger.body()).as(reader).doesNotContain(OUTSIDER).contains("ledger-filter");
		}
	}

	@Test
	void otherReviewersGetNoLinkAndAPageThatSaysWhoseItIs() {
		for (String outsider : List.of(DemoUsers.COUNTY_REVIEWER, "gx-finance", DemoUsers.CITY_REVIEWER, "lc-industry",
				"lc-industry-lead", DemoUsers.ADMIN)) {
			WebClient session = session(outsider);
			assertThat(session.get("/").body()).as(outsider).doesNotContain(LINK);
			for (String spelling : List.of("/ledger", "/ledger?waiting=true", "/ledger?page=2", "/ledger?page=-1")) {
				HttpResponse<String> page = session.get(spelling);
				assertThat(page.statusCode()).as(outsider + " " + spelling).isEqualTo(403);
				assertThat(page.body()).as(outsider + " " + spelling)
					.contains(OUTSIDER)
					.doesNotContain("暂无已发放的贷款", "ledger-loans", "ledger-filter");
			}
			assertThat(session.get("/ledger/").statusCode()).as(outsider).isNotEqualTo(200);
		}
		WebClient enterprise = session(DemoUsers.ENTERPRISE);
		assertThat(enterprise.get("/").body()).doesNotContain(LINK);
		assertThat(enterprise.get("/ledger").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/").body()).doesNotContain(LINK);
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.statusCode()).as(user).isEqualTo(302);
		client.get(login.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		return client;
	}

}
