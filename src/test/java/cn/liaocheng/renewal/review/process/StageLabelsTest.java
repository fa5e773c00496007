package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A loan granted by its bank and waiting for the enterprise's acceptance stands as 待确认贷款
 * wherever reviewers see it: the dossier, the library, 已办 and the ledger's list name the
 * stage alike.
 */
@WebIntegrationTest
class StageLabelsTest extends ReviewProcessTest {

	private static final String WAITING = "待确认贷款";

	private static final String BANK_REVIEW = "银行审贷中";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StageLabelsTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void handledCasesNameTheStageAsTheDossierDoes() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", false, "FIXED_ASSET");
		assertThat(review.listLine(loan).stageLabel()).isEqualTo(WAITING);
		String number = review.referenceNo(loan);

		assertThat(session(DemoUsers.COUNTY_REVIEWER).get("/review/applications/" + loan.id()).body())
			.contains(WAITING);
		for (String reviewer : new String[] { DemoUsers.COUNTY_REVIEWER, DemoUsers.BANK_OFFICER }) {
			String handled = session(reviewer)
				.get("/review/handled?q=" + URLEncoder.encode(number, StandardCharsets.UTF_8))
				.body();
			assertThat(handled).as(reviewer).contains("/review/applications/" + loan.id() + "\"", WAITING);
			assertThat(rowOf(handled, loan.id())).as(reviewer).doesNotContain(BANK_REVIEW);
		}
	}

	/**
	 * The ledger lists a loan once its grant is accepted, when it no longer waits; the
	 * list is made to hold one still waiting, to see that it names the stage as the rest.
	 */
	@Test
	void theLedgerNamesTheStageAsTheDossierDoes() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", false, "FIXED_ASSET");
		jdbc.sql("UPDATE application SET granted_bank_key = 'icbc' WHERE id = ?").param(loan.id()).update();
		try {
			String ledger = session(DemoUsers.BANK_OFFICER).get("/ledger").body();
			assertThat(rowOf(ledger, loan.id())).contains(WAITING).doesNotContain(BANK_REVIEW);
		}
		finally {
			jdbc.sql("UPDATE application SET granted_bank_key = NULL WHERE id = ?").param(loan.id()).update();
		}
	}

	/** The table row that links to the case. */
	private static String rowOf(String page, long id) {
		int link = page.indexOf("/" + id + "\"");
		assertThat(link).as("row of " + id).isPositive();
		int start = page.lastIndexOf("<tr", link);
		int end = page.indexOf("</tr>", link);
		return page.substring(start, end);
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.statusCode()).as(user).isEqualTo(302);
		return client;
	}

}
