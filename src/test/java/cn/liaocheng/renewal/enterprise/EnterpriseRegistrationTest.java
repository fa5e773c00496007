package cn.liaocheng.renewal.enterprise;

import static cn.liaocheng.renewal.enterprise.Registrations.fieldError;
import static cn.liaocheng.renewal.enterprise.Registrations.freshCreditCode;
import static cn.liaocheng.renewal.enterprise.Registrations.freshUserId;
import static cn.liaocheng.renewal.enterprise.Registrations.submit;
import static cn.liaocheng.renewal.enterprise.Registrations.validForm;
import static cn.liaocheng.renewal.enterprise.Registrations.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** The public registration page, through real HTTP as a browser uses it. */
@WebIntegrationTest
class EnterpriseRegistrationTest {

	private static final String TAKEN_CODE = "91371525MA3CB7K21F";

	private static final String DONGCHANGFU = "371502";

	private static final String CHIPING = "371503";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void registeredEnterpriseCanLogInAndIsPendingActivation() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		WebClient client = new WebClient(port);

		HttpResponse<String> posted = submit(client, validForm(code, userId));

		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/register"));
		String confirmation = client.get("/register").body();
		assertThat(confirmation).contains("注册成功")
			.contains("待激活")
			.contains("冠县工业和信息化局")
			.contains(code)
			.contains("咨询电话")
			.contains("0635-8000106");
		assertThat(client.get("/register").body()).as("the confirmation shows once").contains("id=\"creditCode\"");

		Enterprise stored = registry.findByCreditCode(new CreditCode(code)).orElseThrow();
		assertThat(stored.status()).isEqualTo(EnterpriseStatus.PENDING);
		assertThat(stored.userId()).isEqualTo(userId);
		assertThat(stored.contactPhone()).isEqualTo("0635-5123456");
		assertThat(identity.createUserQuery().userId(userId).memberOfGroup(GroupNames.ENTERPRISES).count()).isOne();
		assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail())
			.as("where the outbox sends the enterprise's e-mail")
			.isEqualTo("caiwu@guanxian-test.example");

		WebClient enterprise = new WebClient(port);
		HttpResponse<String> login = enterprise.login(userId, Registrations.PASSWORD);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(enterprise.get("/").body()).contains(stored.name())
			.contains("待激活")
			.contains("id=\"pending-contact\"")
			.contains("冠县工业和信息化局")
			.contains("0635-8000106");
	}

	@Test
	void creditCodeWithAWrongCheckCharacterIsRefusedAtItsField() {
		String code = Registrations.withWrongCheckCharacter(freshCreditCode("371525"));
		String userId = freshUserId();

		String page = submit(new WebClient(port), validForm(code, userId)).body();

		assertThat(fieldError(page, "creditCode")).hasValue("统一社会信用代码校验位不正确，请核对后重新输入");
		assertThat(valueOf(page, "creditCode")).hasValue(code);
		assertNothingStored(code, userId);
	}

	/**
	 * A staff account created in Camunda Admin with capitals takes its id in every case:
	 * an enterprise cannot register it in lower case beside it.
	 */
	@Test
	void aStaffIdWithCapitalsIsTakenInLowerCaseToo() {
		String staff = "Staff" + freshUserId();
		org.camunda.bpm.engine.identity.User user = identity.newUser(staff);
		user.setFirstName("审核员");
		user.setLastName("测试");
		user.setPassword("Xy7!" + java.util.UUID.randomUUID());
		identity.saveUser(user);
		String code = freshCreditCode("371525");
		try {
			String page = submit(new WebClient(port), validForm(code, staff.toLowerCase())).body();

			assertThat(fieldError(page, "userId")).hasValue("该登录用户名已被使用，请换一个");
			assertNothingStored(code, staff.toLowerCase());
		}
		finally {
			identity.deleteUser(staff);
		}
	}

	@Test
	void theEmailAddressIsOptional() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("email", "  ");

		assertThat(submit(new WebClient(port), form).statusCode()).isEqualTo(302);
		assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isNull();
	}

	@Test
	void everyMissingFieldIsNamedAtItsField() {
		String page = submit(new WebClient(port), Map.of()).body();

		assertThat(fieldError(page, "creditCode")).hasValue("请填写统一社会信用代码");
		assertThat(fieldError(page, "name")).hasValue("请填写企业名称");
		assertThat(fieldError(page, "divisionCode")).hasValue("请选择所在县（市、区）或开发区");
		assertThat(fieldError(page, "industry")).hasValue("请填写所属行业");
		assertThat(fieldError(page, "contactName")).hasValue("请填写联系人");
		assertThat(fieldError(page, "contactPhone")).hasValue("请填写联系电话");
		assertThat(fieldError(page, "userId")).hasValue("请填写登录用户名");
		assertThat(fieldError(page, "password")).hasValue("请设置密码");
		assertThat(fieldError(page, "confirmPassword")).hasValue("请再次输入密码");
	}

	@Test
	void badPhoneUserIdAndCountyAreRefusedAtTheirFieldsAndTheRestIsKept() {
		String code = freshCreditCode("371525");
		Map<String, String> form = new java.util.HashMap<>(validForm(code, freshUserId()));
		form.put("contactPhone", "12345");
		form.put("userId", "-bad id");
		form.put("divisionCode", "999999");
		form.put("email", "caiwu@@example");

		String page = submit(new WebClient(port), form).body();
		assertThat(fieldError(page, "email")).hasValueSatisfying(m -> assertThat(m).startsWith("电子邮箱格式不正确"));
		assertThat(valueOf(page, "email")).hasValue("caiwu@@example");

		assertThat(fieldError(page, "contactPhone")).hasValueSatisfying(m -> assertThat(m).startsWith("联系电话格式不正确"));
		assertThat(fieldError(page, "userId")).hasValueSatisfying(m -> assertThat(m).startsWith("登录用户名应为 3 至 64 位"));
		assertThat(fieldError(page, "divisionCode")).hasValue("所选县（市、区）不存在，请重新选择");
		assertThat(fieldError(page, "creditCode")).isEmpty();
		assertThat(valueOf(page, "name")).hasValue(form.get("name"));
		assertThat(valueOf(page, "industry")).hasValue("通用设备制造");
		assertNothingStored(code, "-bad id");
	}

	@Test
	void weakPasswordIsRefusedWithWhatCamundasPolicyMissesAndIsNotShownAgain() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("password", "abc12345");
		form.put("confirmPassword", "abc12345");

		String page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "password")).hasValueSatisfying(
				m -> assertThat(m).startsWith("密码须").contains("至少 10 位").contains("包含大写字母").contains("包含特殊字符"));
		assertThat(page).doesNotContain("abc12345");
		assertThat(valueOf(page, "userId")).hasValue(userId);
		assertNothingStored(code, userId);
	}

	@Test
	void passwordContainingTheUserIdIsRefused() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("password", "X@1" + userId);
		form.put("confirmPassword", "X@1" + userId);

		String page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "password")).hasValue("密码须不得包含登录用户名或企业名称");
		assertNothingStored(code, userId);
	}

	@Test
	void mismatchedConfirmationIsRefusedAtItsField() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("confirmPassword", Registrations.PASSWORD + "x");

		String page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "confirmPassword")).hasValue("两次输入的密码不一致");
		assertThat(fieldError(page, "password")).isEmpty();
		assertNothingStored(code, userId);
	}

	@Test
	void aCreditCodeRegisteredAlreadyIsRefusedAtItsField() {
		String userId = freshUserId();
		long before = enterpriseCount();

		String page = submit(new WebClient(port), validForm(" " + TAKEN_CODE.toLowerCase() + " ", userId)).body();

		assertThat(fieldError(page, "creditCode")).hasValue("该统一社会信用代码已注册");
		assertThat(identity.createUserQuery().userId(userId).count()).isZero();
		assertThat(enterpriseCount()).isEqualTo(before);
	}

	@Test
	void aUserIdTakenAlreadyIsRefusedAtItsField() {
		String code = freshCreditCode("371525");

		String page = submit(new WebClient(port), validForm(code, DemoUsers.COUNTY_REVIEWER)).body();

		assertThat(fieldError(page, "userId")).hasValue("该登录用户名已被使用，请换一个");
		assertThat(registry.findByCreditCode(new CreditCode(code))).isEmpty();
		assertThat(identity.createGroupQuery()
			.groupMember(DemoUsers.COUNTY_REVIEWER)
			.groupId(GroupNames.ENTERPRISES)
			.count()).isZero();
	}

	@Test
	void aUserIdDifferingOnlyInCaseFromAnExistingOneIsRefused() {
		String code = freshCreditCode("371525");

		String page = submit(new WebClient(port), validForm(code, DemoUsers.COUNTY_REVIEWER.toUpperCase())).body();

		assertThat(fieldError(page, "userId")).hasValue("该登录用户名已被使用，请换一个");
		assertThat(registry.findByCreditCode(new CreditCode(code))).isEmpty();
	}

	@Test
	void userIdsAreStoredInLowerCase() {
		String code = freshCreditCode("371525");
		String userId = freshUserId();

		submit(new WebClient(port), validForm(code, userId.toUpperCase()));

		assertThat(identity.createUserQuery().userId(userId.toLowerCase()).count()).isEqualTo(1);
		assertThat(registry.findByCreditCode(new CreditCode(code)))
			.hasValueSatisfying(e -> assertThat(e.userId()).isEqualTo(userId.toLowerCase()));
	}

	@Test
	void applicantsRacingWithOneCodeGetOneAccountAndFieldErrorsNotFailures() throws Exception {
		String code = freshCreditCode("371581");
		int applicants = 6;
		List<String> userIds = new ArrayList<>();
		List<WebClient> clients = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < applicants; i++) {
			userIds.add(freshUserId());
			WebClient client = new WebClient(port);
			clients.add(client);
			tokens.add(WebClient.csrfTokenOf(client.get("/register").body()));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(applicants);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < applicants; i++) {
			Map<String, String> form = new java.util.HashMap<>(validForm(code, userIds.get(i)));
			form.put("divisionCode", "371581");
			form.put("_csrf", tokens.get(i));
			WebClient client = clients.get(i);
			responses.add(pool.submit(() -> {
				start.await();
				return client.postForm("/register", Registrations.encode(form));
			}));
		}
		start.countDown();
		int registered = 0;
		for (Future<HttpResponse<String>> response : responses) {
			HttpResponse<String> r = response.get();
			if (r.statusCode() == 302) {
				registered++;
			}
			else {
				assertThat(r.statusCode()).isEqualTo(200);
				assertThat(fieldError(r.body(), "creditCode")).hasValue("该统一社会信用代码已注册");
			}
		}
		pool.shutdown();

		assertThat(registered).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?")
			.param(code)
			.query(Long.class)
			.single()).isOne();
		assertThat(userIds.stream().filter(id -> identity.createUserQuery().userId(id).count() > 0)).hasSize(1);
	}

	@Test
	void theLoginPageLeadsToRegistration() {
		assertThat(new WebClient(port).get("/login").body()).contains("href=\"/register\"").contains("企业注册");
	}

	/**
	 * A credit code keeps the county that issued it when its enterprise moves: a code of
	 * another county stops the registration once, at the county field, and asks whether
	 * the enterprise moved, everything typed kept.
	 */
	@Test
	void aCodeIssuedInAnotherCountyAsksWhetherTheEnterpriseMovedAndKeepsWhatWasTyped() {
		String code = freshCreditCode(DONGCHANGFU);
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("divisionCode", CHIPING);

		String page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "divisionCode"))
			.hasValue("统一社会信用代码第 3–8 位为 371502（东昌府区），与所选的茌平区不一致，请核对所在县（市、区）或信用代码。"
					+ "信用代码在企业迁址后不变：如本企业确已从东昌府区迁入茌平区，请确认迁入后重新提交，茌平区工业和信息化局激活账户前将核验营业执照住所");
		assertThat(movedIntoBox(page)).as("the question's checkbox, not ticked")
			.hasValueSatisfying(box -> assertThat(box).contains("value=\"371503\"").doesNotContain("checked"));
		assertThat(page).contains("本企业已从东昌府区迁入茌平区（营业执照住所在茌平区）").contains("由茌平区工业和信息化局审核激活，激活前核验营业执照住所是否在茌平区");
		assertThat(valueOf(page, "creditCode")).hasValue(code);
		assertThat(valueOf(page, "name")).hasValue(form.get("name"));
		assertThat(valueOf(page, "userId")).hasValue(userId);
		assertThat(page).contains("<option value=\"371503\" selected=\"selected\">茌平区</option>");
		assertNothingStored(code, userId);
		assertThat(movedIntoBox(submit(new WebClient(port), validForm(freshCreditCode("371525"), userId)).body()))
			.as("no question where nothing differs")
			.isEmpty();
	}

	@Test
	void confirmingTheMoveRegistersInTheChosenCountyWithTheIssuingCountyKept() {
		String code = freshCreditCode(DONGCHANGFU);
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("divisionCode", CHIPING);
		form.put("movedInto", CHIPING);
		WebClient client = new WebClient(port);

		HttpResponse<String> posted = submit(client, form);

		assertThat(posted.statusCode()).isEqualTo(302);
		Enterprise stored = registry.findByCreditCode(new CreditCode(code)).orElseThrow();
		assertThat(stored.divisionCode()).isEqualTo(CHIPING);
		assertThat(stored.status()).isEqualTo(EnterpriseStatus.PENDING);
		assertThat(movedFrom(code)).isEqualTo(DONGCHANGFU);
		assertThat(client.get("/register").body()).contains("注册成功")
			.contains("茌平区工业和信息化局")
			.contains("您已声明本企业从东昌府区迁入茌平区（统一社会信用代码登记地为东昌府区）。茌平区工业和信息化局激活前将核验营业执照住所");
	}

	/**
	 * The box confirms a move into the county it names: ticked, then the county changed,
	 * it confirms nothing and the new county's question is asked. Ticked with another
	 * field wrong, it stays ticked and the county field has nothing to say.
	 */
	@Test
	void aMoveIsConfirmedOnlyIntoTheCountyChosenAndStaysConfirmedAcrossOtherMistakes() {
		String code = freshCreditCode(DONGCHANGFU);
		String userId = freshUserId();
		Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
		form.put("divisionCode", "371521");
		form.put("movedInto", CHIPING);

		String page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "divisionCode")).hasValueSatisfying(m -> assertThat(m).contains("与所选的阳谷县不一致"));
		assertThat(movedIntoBox(page))
			.hasValueSatisfying(box -> assertThat(box).contains("value=\"371521\"").doesNotContain("checked"));
		assertThat(page).contains("本企业已从东昌府区迁入阳谷县（营业执照住所在阳谷县）");

		form.put("movedInto", "371521");
		form.put("contactPhone", "12345");
		page = submit(new WebClient(port), form).body();

		assertThat(fieldError(page, "divisionCode")).isEmpty();
		assertThat(fieldError(page, "contactPhone")).isPresent();
		assertThat(movedIntoBox(page))
			.hasValueSatisfying(box -> assertThat(box).contains("value=\"371521\"").contains("checked"));
		assertNothingStored(code, userId);
	}

	@Test
	void aTickedBoxWhereNothingDiffersIsIgnoredAndNothingIsStored() {
		for (String[] codeAndDivision : new String[][] { { "371525", "371525" }, { "371500", "371525" },
				{ "371502", "lcetdz" } }) {
			String code = freshCreditCode(codeAndDivision[0]);
			Map<String, String> form = new java.util.HashMap<>(validForm(code, freshUserId()));
			form.put("divisionCode", codeAndDivision[1]);
			form.put("movedInto", codeAndDivision[1]);

			assertThat(submit(new WebClient(port), form).statusCode())
				.as("%s in %s", codeAndDivision[0], codeAndDivision[1])
				.isEqualTo(302);
			assertThat(movedFrom(code)).as("%s in %s", codeAndDivision[0], codeAndDivision[1]).isNull();
		}
	}

	@Test
	void aCodeIssuedByTheCityOrForAnEnterpriseInADevelopmentZoneIsNotContradicted() {
		for (String[] codeAndDivision : new String[][] { { "371500", "371525" }, { "371502", "lcetdz" } }) {
			String code = freshCreditCode(codeAndDivision[0]);
			String userId = freshUserId();
			Map<String, String> form = new java.util.HashMap<>(validForm(code, userId));
			form.put("divisionCode", codeAndDivision[1]);

			HttpResponse<String> response = submit(new WebClient(port), form);

			assertThat(response.statusCode()).as("%s in %s", codeAndDivision[0], codeAndDivision[1]).isEqualTo(302);
			assertThat(registry.findByCreditCode(new CreditCode(code))).isPresent();
		}
	}

	/** The move question's checkbox, if the page asks it. */
	private static java.util.Optional<String> movedIntoBox(String page) {
		java.util.regex.Matcher box = java.util.regex.Pattern.compile("<input[^>]*id=\"movedInto\"[^>]*>")
			.matcher(page);
		return box.find() ? java.util.Optional.of(box.group()) : java.util.Optional.empty();
	}

	private String movedFrom(String code) {
		List<String> found = jdbc.sql("SELECT moved_from_division FROM enterprise WHERE credit_code = ?")
			.param(code)
			.query((rs, row) -> rs.getString(1))
			.list();
		assertThat(found).as("the enterprise of %s", code).hasSize(1);
		return found.get(0);
	}

	private void assertNothingStored(String code, String userId) {
		assertThat(identity.createUserQuery().userId(userId).count()).as("Camunda user %s", userId).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ? OR user_id = ?")
			.params(code.strip().toUpperCase(), userId)
			.query(Long.class)
			.single()).as("enterprise rows").isZero();
	}

	private long enterpriseCount() {
		return jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
	}

}
