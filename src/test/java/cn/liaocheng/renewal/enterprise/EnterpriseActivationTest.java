package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county industry bureau activates the accounts of its own county only, an
 * administrator everyone's; the check is on the server, whatever id is posted.
 */
@WebIntegrationTest
class EnterpriseActivationTest {

	private static final String GUANXIAN = "371525";

	private static final String LINQING = "371581";

	private static final String LQ_INDUSTRY = "lq-industry";

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void countyReviewerSeesOnlyItsOwnCountyWithPendingAccountsFirst() {
		Enterprise ours = pendingEnterpriseIn(GUANXIAN);
		Enterprise theirs = pendingEnterpriseIn(LINQING);

		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);
		String page = reviewer.get("/county/enterprises").body();

		// Pending first, newest first: the new registration heads the first page, before
		// any active account on it.
		assertThat(page).contains(ours.name()).contains("待激活").doesNotContain(theirs.name());
		int active = page.indexOf("class=\"status status-ACTIVE\"");
		assertThat(page.indexOf(ours.name())).as("pending before active")
			.isLessThan(active < 0 ? Integer.MAX_VALUE : active);
		// Every account is found by name, credit code or login, a page at a time.
		assertThat(reviewer.get("/county/enterprises?q=" + enc("演示轴承")).body()).contains("冠县演示轴承制造有限公司")
			.doesNotContain(ours.name());
		assertThat(reviewer.get("/county/enterprises?q=" + enc(ours.userId().toUpperCase())).body())
			.contains(ours.name())
			.contains("共 1 个账户");
		assertThat(reviewer.get("/county/enterprises?q=" + enc("临清市演示")).body()).doesNotContain("临清市演示纺织机械有限公司")
			.contains("没有找到符合条件的企业账户");
		assertThat(reviewer.get("/county/enterprises?q=" + enc("%")).body()).as("LIKE's wildcards are text")
			.contains("没有找到符合条件的企业账户");
	}

	/**
	 * The start page's 待激活 N 户 is the signed-in county's own pending registrations:
	 * another county's stay out of it, and it equals the pending accounts the county's
	 * own list shows.
	 */
	@Test
	void theStartPageCountsOnlyTheCountysOwnPendingRegistrations() throws Exception {
		WebClient guanxian = as(DemoUsers.COUNTY_REVIEWER);
		WebClient linqing = as(LQ_INDUSTRY);
		long guanxianBefore = pendingOnStartPage(guanxian);
		long linqingBefore = pendingOnStartPage(linqing);

		pendingEnterpriseIn(LINQING);
		pendingEnterpriseIn(LINQING);
		assertThat(pendingOnStartPage(guanxian)).as("another county's registrations").isEqualTo(guanxianBefore);
		assertThat(pendingOnStartPage(linqing)).isEqualTo(linqingBefore + 2);

		pendingEnterpriseIn(GUANXIAN);
		assertThat(pendingOnStartPage(guanxian)).isEqualTo(guanxianBefore + 1);
		assertThat(pendingOnStartPage(linqing)).isEqualTo(linqingBefore + 2);
		assertThat(pendingOnStartPage(guanxian)).isEqualTo(pendingListed(guanxian));
		assertThat(pendingOnStartPage(linqing)).isEqualTo(pendingListed(linqing));
	}

	@Test
	void countyReviewerActivatesAnEnterpriseOfItsCountyAndIsRecorded() {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);

		HttpResponse<String> response = post(reviewer, "/county/enterprises/" + pending.id() + "/activate");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).as("the list showing the account just changed")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/county/enterprises?q=" + pending.creditCode().value()));
		assertThat(reviewer.get(response.headers().firstValue("Location").orElseThrow()).body())
			.contains("已激活：" + pending.name(), "共 1 个账户");
		assertThat(registry.requireActiveEnterpriseOf(pending.userId()).status()).isEqualTo(EnterpriseStatus.ACTIVE);
		Map<String, Object> row = activationOf(pending);
		assertThat(row.get("ACTIVATED_BY")).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(Duration.between(((Timestamp) row.get("ACTIVATED_AT")).toInstant(), Instant.now()))
			.isLessThan(Duration.ofMinutes(1));
	}

	/**
	 * An account the administrator disabled is not activated again by its county; every
	 * change is in the audit trail; a rejected registration stays closed.
	 */
	@Test
	void anAccountTheAdministratorDisabledIsRestoredByAnAdministratorOnly() {
		Enterprise enterprise = pendingEnterpriseIn(GUANXIAN);
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);
		WebClient admin = as(DemoUsers.ADMIN);
		String path = "/api/county/enterprises/" + enterprise.id();
		assertThat(postApi(reviewer, path + "/activate").statusCode()).isEqualTo(200);
		assertThat(postApi(admin, path + "/disable").statusCode()).as("no reason").isEqualTo(400);
		assertThat(postApi(admin, path + "/disable", "{\"reason\":\"经核实，营业执照已吊销\"}").statusCode()).isEqualTo(200);

		HttpResponse<String> undone = postApi(reviewer, path + "/activate");
		assertThat(undone.statusCode()).isEqualTo(409);
		assertThat(undone.body()).contains("由系统管理员停用，须由系统管理员恢复");
		assertThat(post(reviewer, "/county/enterprises/" + enterprise.id() + "/activate").statusCode()).isEqualTo(302);
		assertThat(reviewer.get("/county/enterprises").body()).contains("须由系统管理员恢复");
		assertThat(statusOf(enterprise)).isEqualTo(EnterpriseStatus.DISABLED);

		assertThat(postApi(admin, path + "/activate").statusCode()).isEqualTo(200);
		assertThat(statusOf(enterprise)).isEqualTo(EnterpriseStatus.ACTIVE);
		assertThat(activationOf(enterprise).get("ACTIVATED_BY")).as("the first activation is kept")
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE subject = ? ORDER BY id")
			.param("enterprise:" + enterprise.id())
			.query(String.class)
			.list()).containsExactly(DemoUsers.COUNTY_REVIEWER + " ENTERPRISE_ACTIVATED",
					DemoUsers.ADMIN + " ENTERPRISE_DISABLED", DemoUsers.ADMIN + " ENTERPRISE_REACTIVATED");

		Enterprise rejected = pendingEnterpriseIn(GUANXIAN);
		assertThat(
				postApi(reviewer, "/api/county/enterprises/" + rejected.id() + "/reject", "{\"reason\":\"冒用他人名义注册\"}")
					.statusCode())
			.isEqualTo(200);
		HttpResponse<String> reopened = postApi(admin, "/api/county/enterprises/" + rejected.id() + "/activate");
		assertThat(reopened.statusCode()).isEqualTo(409);
		assertThat(reopened.body()).contains("注册已被驳回");
		assertThat(statusOf(rejected)).isEqualTo(EnterpriseStatus.REJECTED);
	}

	@Test
	void reviewerOfAnotherCountyIsRefusedWhateverIdItSends() throws Exception {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		WebClient otherCounty = as(LQ_INDUSTRY);

		HttpResponse<String> response = post(otherCounty, "/county/enterprises/" + pending.id() + "/activate");
		HttpResponse<String> unknown = post(otherCounty, "/county/enterprises/987654321/activate");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(postAsBrowser(otherCounty, "/county/enterprises/" + pending.id() + "/activate").body())
			.as("the Chinese error page")
			.contains("无权访问");
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(post(otherCounty, "/county/enterprises/" + pending.id() + "/disable").statusCode()).isEqualTo(403);
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.PENDING);
	}

	@Test
	void cityReviewerAndCountyFinanceReviewerHaveNoEnterprisesToActivate() {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		for (String user : new String[] { DemoUsers.CITY_REVIEWER, "gx-finance" }) {
			WebClient reviewer = as(user);
			assertThat(reviewer.get("/county/enterprises").statusCode()).as(user).isEqualTo(403);
			assertThat(post(reviewer, "/county/enterprises/" + pending.id() + "/activate").statusCode()).as(user)
				.isEqualTo(403);
		}
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.PENDING);
	}

	@Test
	void anEnterpriseCannotActivateAnAccount() {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);

		HttpResponse<String> response = post(as(DemoUsers.ENTERPRISE),
				"/county/enterprises/" + pending.id() + "/activate");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.PENDING);
	}

	@Test
	void administratorSeesAndActivatesEveryCounty() {
		Enterprise linqing = pendingEnterpriseIn(LINQING);
		Enterprise guanxian = pendingEnterpriseIn(GUANXIAN);
		WebClient admin = as(DemoUsers.ADMIN);

		assertThat(admin.get("/county/enterprises").body()).contains(linqing.name()).contains(guanxian.name());
		assertThat(admin.get("/county/enterprises?division=" + LINQING).body()).contains(linqing.name())
			.doesNotContain(guanxian.name());
		assertThat(post(admin, "/county/enterprises/" + linqing.id() + "/activate").statusCode()).isEqualTo(302);

		assertThat(statusOf(linqing)).isEqualTo(EnterpriseStatus.ACTIVE);
		assertThat(activationOf(linqing).get("ACTIVATED_BY")).isEqualTo(DemoUsers.ADMIN);
	}

	@Test
	void countyReviewerDisablesAnAccountWhichThenMayNotSubmit() {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);
		post(reviewer, "/county/enterprises/" + pending.id() + "/activate");
		// The page asks before it disables, naming the account and what follows.
		String list = reviewer.get("/county/enterprises?q=" + enc(pending.userId())).body();
		String row = list.substring(list.indexOf("id=\"enterprise-" + pending.id() + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-enterprise=\"" + pending.name() + "\"",
				"onsubmit=\"return confirm('停用后' + this.dataset.enterprise + '不能再新建、修改、提交申报或接受贷款、办理验收等后续事项，其 API 令牌立即失效；停用原因将告知企业，需要时可再次激活。确定停用？')\"",
				"name=\"reason\" required minlength=\"4\" maxlength=\"300\"");
		HttpResponse<String> withoutReason = post(reviewer, "/county/enterprises/" + pending.id() + "/disable");
		assertThat(withoutReason.statusCode()).isEqualTo(302);
		assertThat(reviewer.get(withoutReason.headers().firstValue("Location").orElseThrow()).body())
			.contains("请填写停用原因（4 至 300 字）");
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.ACTIVE);

		assertThat(post(reviewer, "/county/enterprises/" + pending.id() + "/disable", "reason=" + enc("经核实，该企业已停产注销"))
			.statusCode()).isEqualTo(302);

		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.DISABLED);
		assertThatExceptionOfType(InactiveEnterpriseException.class)
			.isThrownBy(() -> registry.requireActiveEnterpriseOf(pending.userId()))
			.satisfies(e -> assertThat(e.reason()).isEqualTo(InactiveEnterpriseException.Reason.DISABLED));
		// The enterprise is told, and told again when the account is restored.
		assertThat(accountNotes(pending)).singleElement()
			.asString()
			.startsWith("申报账户已停用 " + pending.name() + "的申报账户已于")
			.contains("由冠县工业和信息化局停用，停用原因：经核实，该企业已停产注销。", "不能新建、修改或提交申报和补正", "接受贷款", "撤回申报");
		String listed = reviewer.get("/county/enterprises?q=" + enc(pending.userId())).body();
		assertThat(listed).contains("停用</span>", "原因：经核实，该企业已停产注销");
		post(reviewer, "/county/enterprises/" + pending.id() + "/activate");
		assertThat(accountNotes(pending)).hasSize(2).last().asString().startsWith("申报账户已恢复 ").contains("可以继续在线申报");
	}

	private List<String> accountNotes(Enterprise enterprise) {
		return jdbc.sql(
				"SELECT title || ' ' || body FROM notification WHERE recipient_id = ? AND kind = 'ACCOUNT_CHANGED' ORDER BY id")
			.param(enterprise.userId())
			.query(String.class)
			.list();
	}

	@Test
	void theJsonApiKeepsTheSameBoundaries() throws Exception {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);

		JsonNode list = json.readTree(as(DemoUsers.COUNTY_REVIEWER).get("/api/county/enterprises").body());
		assertThat(list.findValuesAsText("divisionCode")).isNotEmpty().allMatch(GUANXIAN::equals);
		assertThat(list.findValuesAsText("id")).contains(String.valueOf(pending.id()));

		HttpResponse<String> refused = postApi(as(LQ_INDUSTRY),
				"/api/county/enterprises/" + pending.id() + "/activate");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json.readTree(refused.body()).path("detail").asText()).contains("本县");
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.PENDING);

		HttpResponse<String> activated = postApi(as(DemoUsers.COUNTY_REVIEWER),
				"/api/county/enterprises/" + pending.id() + "/activate");
		assertThat(activated.statusCode()).isEqualTo(200);
		assertThat(json.readTree(activated.body()).path("activatedBy").asText()).isEqualTo(DemoUsers.COUNTY_REVIEWER);
	}

	/**
	 * Someone registers a real company's credit code before it does (the code is public).
	 * The county rejects the registration: the account and its sessions end, and the
	 * company registers its own code.
	 */
	@Test
	void aRejectedRegistrationClosesItsAccountAndFreesItsCreditCode() {
		String code = freshCreditCode(GUANXIAN);
		String squatter = freshUserId();
		assertThat(Registrations.submit(new WebClient(port), Registrations.validForm(code, squatter)).statusCode())
			.isEqualTo(302);
		WebClient squatting = new WebClient(port);
		squatting.login(squatter, Registrations.PASSWORD);
		assertThat(squatting.get("/account").statusCode()).isEqualTo(200);
		String company = freshUserId();
		assertThat(Registrations.fieldError(
				Registrations.submit(new WebClient(port), Registrations.validForm(code, company)).body(), "creditCode"))
			.hasValue("该统一社会信用代码已注册");
		long id = registry.findByUser(squatter).orElseThrow().id();
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);

		// Not without a reason; not from another county.
		assertThat(post(reviewer, "/county/enterprises/" + id + "/reject", "reason=").statusCode()).isEqualTo(302);
		assertThat(reviewer.get("/county/enterprises").body()).contains("请填写驳回原因");
		assertThat(post(as(LQ_INDUSTRY), "/county/enterprises/" + id + "/reject", "reason=" + enc("冒用他人名义注册"))
			.statusCode()).isEqualTo(403);
		assertThat(statusOf(squatter)).isEqualTo(EnterpriseStatus.PENDING);

		HttpResponse<String> rejected = post(reviewer, "/county/enterprises/" + id + "/reject",
				"reason=" + enc("经电话核实，该企业未申请注册，系冒用"));
		assertThat(rejected.statusCode()).isEqualTo(302);

		// Back to the list showing the account just changed.
		String page = reviewer.get(rejected.headers().firstValue("Location").orElseThrow()).body();
		assertThat(page).contains("已驳回注册：", "已驳回", "原因：经电话核实，该企业未申请注册，系冒用");
		assertThat(statusOf(squatter)).isEqualTo(EnterpriseStatus.REJECTED);
		assertThat(squatting.get("/account").statusCode()).as("the squatter's session").isEqualTo(302);
		assertThat(new WebClient(port).login(squatter, Registrations.PASSWORD).headers().firstValue("Location"))
			.as("the squatter's login")
			.hasValueSatisfying(location -> assertThat(location).contains("error"));
		assertThat(Registrations.submit(new WebClient(port), Registrations.validForm(code, company)).statusCode())
			.as("the company registers its own code")
			.isEqualTo(302);
		assertThat(registry.findByCreditCode(new CreditCode(code)).orElseThrow().userId()).isEqualTo(company);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ENTERPRISE_REJECTED' AND subject = ?")
			.param("enterprise:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anActivatedAccountIsNeverRejectedAndTheApiKeepsTheSameRules() throws Exception {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		WebClient reviewer = as(DemoUsers.COUNTY_REVIEWER);
		String path = "/api/county/enterprises/" + pending.id() + "/reject";

		assertThat(postApi(as(LQ_INDUSTRY), path, "{\"reason\":\"冒用他人名义注册\"}").statusCode()).isEqualTo(403);
		HttpResponse<String> blank = postApi(reviewer, path, "{\"reason\":\" \"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(json.readTree(blank.body()).path("detail").asText()).contains("请填写驳回原因");
		post(reviewer, "/county/enterprises/" + pending.id() + "/activate");

		HttpResponse<String> active = postApi(reviewer, path, "{\"reason\":\"冒用他人名义注册\"}");

		assertThat(active.statusCode()).isEqualTo(409);
		assertThat(json.readTree(active.body()).path("detail").asText()).contains("只能驳回尚未激活的注册");
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.ACTIVE);
		Enterprise another = pendingEnterpriseIn(GUANXIAN);
		HttpResponse<String> rejected = postApi(reviewer, "/api/county/enterprises/" + another.id() + "/reject",
				"{\"reason\":\"冒用他人名义注册\",\"status\":\"ACTIVE\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(json.readTree(rejected.body()).path("status").asText()).isEqualTo("REJECTED");
		assertThat(json.readTree(rejected.body()).path("rejectedBy").asText()).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(registry.findByCreditCode(another.creditCode())).isEmpty();
	}

	/**
	 * An insider of another county, a city reviewer, a bank and an enterprise try every
	 * county door (activate, disable, reject) on both roots under other spellings of the
	 * path and the id, with fields that name their own county: nothing is done to the
	 * registration.
	 */
	@Test
	void theCountyDoorsRefuseOutsidersWhateverTheSpellingOrFields() {
		Enterprise pending = pendingEnterpriseIn(GUANXIAN);
		long id = pending.id();
		for (String user : new String[] { LQ_INDUSTRY, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ENTERPRISE, "gx-finance" }) {
			WebClient client = as(user);
			String token = WebClient.csrfTokenOf(client.get("/").body());
			for (String action : new String[] { "activate", "disable", "reject" }) {
				for (String root : new String[] { "/county/enterprises/", "/api/county/enterprises/" }) {
					for (String path : new String[] { root + id + "/" + action, root + id + "/" + action + "/",
							root.replace("/enterprises/", "//enterprises/") + id + "/" + action,
							root + id + "/" + action + ";x=1", root + id + ";x=1/" + action,
							root.toUpperCase() + id + "/" + action, root + "0" + id + "/" + action,
							root + "+" + id + "/" + action, root + id + "/./" + action,
							root + "1/../" + id + "/" + action, root + id + "%2F" + action }) {
						int page = client
							.postForm(path,
									"_csrf=" + token + "&reason=" + enc("冒用他人名义注册") + "&divisionCode=" + LINQING)
							.statusCode();
						int api = client
							.postJson(path,
									"{\"reason\":\"冒用他人名义注册\",\"divisionCode\":\"" + LINQING
											+ "\",\"status\":\"ACTIVE\"}",
									"X-CSRF-TOKEN", token)
							.statusCode();
						assertThat(List.of(page, api)).as("%s %s", user, path).allMatch(status -> status >= 400);
					}
				}
			}
		}
		assertThat(statusOf(pending)).isEqualTo(EnterpriseStatus.PENDING);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE subject = ?")
			.param("enterprise:" + id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theHomePageLinksCountyIndustryReviewersAndAdministratorsToActivation() {
		assertThat(as(DemoUsers.COUNTY_REVIEWER).get("/").body()).contains("href=\"/county/enterprises\"");
		assertThat(as(DemoUsers.ADMIN).get("/").body()).contains("href=\"/county/enterprises\"");
		assertThat(as(DemoUsers.CITY_REVIEWER).get("/").body()).doesNotContain("/county/enterprises");
	}

	/** The number the start page's activation tile shows after 待激活. */
	private static long pendingOnStartPage(WebClient client) {
		Matcher shown = Pattern.compile("待激活 <strong[^>]*>(\\d+)</strong> 户").matcher(client.get("/").body());
		assertThat(shown.find()).as("the activation tile's count").isTrue();
		return Long.parseLong(shown.group(1));
	}

	/** The pending accounts the county's list (the API of its page) shows. */
	private long pendingListed(WebClient client) throws Exception {
		JsonNode list = json.readTree(client.get("/api/county/enterprises").body());
		long pending = 0;
		for (JsonNode account : list) {
			pending += "PENDING".equals(account.get("status").asText()) ? 1 : 0;
		}
		return pending;
	}

	private Enterprise pendingEnterpriseIn(String division) {
		String userId = freshUserId();
		return registry.record(new NewEnterprise(new CreditCode(freshCreditCode(division)), "激活测试企业" + userId, division,
				"专用设备制造", "企业联系人", "13800000000", userId), null);
	}

	private WebClient as(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.headers().firstValue("Location")).as("login of %s", user)
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	private static HttpResponse<String> post(WebClient client, String path) {
		return post(client, path, null);
	}

	private static HttpResponse<String> post(WebClient client, String path, String form) {
		String token = WebClient.csrfTokenOf(client.get("/").body());
		return client.postForm(path, "_csrf=" + token + (form == null ? "" : "&" + form));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Posts as a browser does, asking for HTML, which {@link WebClient} does not. */
	private HttpResponse<String> postAsBrowser(WebClient client, String path) throws Exception {
		String token = WebClient.csrfTokenOf(client.get("/").body());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "RENEWAL_SESSION=" + client.cookie("RENEWAL_SESSION"))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> postApi(WebClient client, String path) {
		return postApi(client, path, "");
	}

	private static HttpResponse<String> postApi(WebClient client, String path, String body) {
		String token = WebClient.csrfTokenOf(client.get("/").body());
		return client.postJson(path, body, "X-CSRF-TOKEN", token);
	}

	private EnterpriseStatus statusOf(Enterprise enterprise) {
		return statusOf(enterprise.userId());
	}

	private EnterpriseStatus statusOf(String userId) {
		return registry.findByUser(userId).orElseThrow().status();
	}

	private Map<String, Object> activationOf(Enterprise enterprise) {
		return jdbc.sql("SELECT activated_by, activated_at FROM enterprise WHERE id = ?")
			.param(enterprise.id())
			.query()
			.singleRow();
	}

}
