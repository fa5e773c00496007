package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentView;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A correction goes back to the step that returned the case, and the steps before it keep
 * their opinions: what they verified and will not see again cannot change in it. The
 * invoices a subsidy is computed from, which the county finance bureau checked, may
 * change only when the case was returned before or at that check, and so may the files
 * that evidence the purchase (invoices, contracts, payment vouchers); what decides the
 * joint review's bodies only when it was returned before the routing.
 */
@WebIntegrationTest
class SettledPartsCorrectionTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	private static final String REFUSED = "县级财政部门已核验设备明细和发票，设备购置发票、设备购置合同、付款凭证附件补正后不再重新审核，不能上传或删除";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	@Autowired
	SettledPartsCorrectionTest(ApplicationContext context, JdbcClient jdbc) {
		super(context);
		this.jdbc = jdbc;
	}

	@Test
	void invoicesCheckedByTheCountyCannotChangeInACorrectionAskedForByAJointReviewBody() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> group.equals("city-tax") ? "RETURN" : "APPROVE");
		String[] price = new String[1];
		review.correct(claim, form -> {
			price[0] = form.getEquipment().get(0).getUnitPrice();
			form.getEquipment().get(0).setUnitPrice("9000000.00");
		});

		assertThatThrownBy(() -> review.resubmit(claim)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).startsWith("本次补正不能修改设备明细及发票：县级财政部门已核验设备明细和发票")
					.contains("请将其恢复为上次提交时的内容后重新提交", "请撤回本申报后重新申报"));
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(review.called(claim, "joint-review")).isWaitingAtExactly("CallActivity_CorrectionAtJointReview");

		review.correct(claim, form -> form.getEquipment().get(0).setUnitPrice(price[0]));
		review.resubmit(claim);

		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CITY_REVIEW);
	}

	/**
	 * The invoice the county finance bureau checked cannot be swapped for another one
	 * that nobody would check: at any door (the API, the case page, the service), an
	 * attachment of the checked categories is neither removed nor added; other materials
	 * still are.
	 */
	@Test
	void purchaseEvidenceCheckedByTheCountyCannotBeReplacedInACorrectionAskedForByAJointReviewBody() {
		Case claim = returnedAtTheJointReview();
		List<Long> before = review.attachmentIds(claim);
		long invoice = attachment(claim, AttachmentCategory.INVOICE).id();
		long contract = attachment(claim, AttachmentCategory.CONTRACT).id();
		List<String> history = review.history(claim);

		WebClient api = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		HttpResponse<String> deleted = api.send("DELETE", "/api/applications/" + claim.id() + "/attachments/" + invoice,
				null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
		assertThat(deleted.body()).contains("本次补正不能删除设备购置发票《发票.pdf》：" + REFUSED, "请撤回本申报后重新申报");
		HttpResponse<String> uploaded = upload(api, "/api/applications/" + claim.id() + "/attachments", "INVOICE");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(409);
		assertThat(uploaded.body()).contains("本次补正不能上传设备购置发票：" + REFUSED, "请作为“其他材料”上传");
		assertThat(api.get("/api/applications/" + claim.id() + "/settled-parts").body())
			.contains("\"part\":\"INVOICES\"", "\"attachmentCategories\":[\"INVOICE\",\"CONTRACT\",\"PAYMENT_PROOF\"]");

		WebClient portal = new WebClient(port);
		portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = portal.get("/enterprise/applications/" + claim.id()).body();
		assertThat(page)
			.contains("附件中的<strong>设备购置发票、设备购置合同、付款凭证</strong>也已核验，不能上传或删除", "本次补正不能上传或删除设备购置发票、设备购置合同、付款凭证附件")
			.as("neither offered for upload nor with a delete button")
			.doesNotContain("value=\"INVOICE\"", "/attachments/" + invoice + "/delete");
		String csrf = WebClient.csrfTokenOf(page);
		HttpResponse<String> pageDelete = portal.postForm(
				"/enterprise/applications/" + claim.id() + "/attachments/" + contract + "/delete", "_csrf=" + csrf);
		assertThat(pageDelete.statusCode()).isEqualTo(302);
		assertThat(portal.get("/enterprise/applications/" + claim.id()).body())
			.contains("本次补正不能删除设备购置合同《购置合同.pdf》：" + REFUSED);
		HttpResponse<String> pageUpload = upload(portal, "/enterprise/applications/" + claim.id() + "/attachments",
				"PAYMENT_PROOF", "_csrf", csrf);
		assertThat(pageUpload.statusCode()).isEqualTo(302);
		assertThat(portal.get("/enterprise/applications/" + claim.id()).body()).contains("本次补正不能上传付款凭证：" + REFUSED);

		assertThatThrownBy(() -> review.removeAttachment(claim, invoice)).isInstanceOf(ApplicationStateException.class)
			.hasMessageStartingWith("本次补正不能删除设备购置发票《发票.pdf》");
		assertThat(review.attachmentIds(claim)).isEqualTo(before);
		assertThat(review.history(claim)).isEqualTo(history);

		// Other materials come and go as before, and the case goes on.
		review.attachAndRemove(claim);
		HttpResponse<String> note = upload(api, "/api/applications/" + claim.id() + "/attachments", "OTHER");
		assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
		review.resubmit(claim);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CITY_REVIEW);
		assertThat(review.attachmentIds(claim)).containsAll(before).hasSize(before.size() + 1);
	}

	/**
	 * Should a checked file still have changed, another way than through the doors above,
	 * the resubmission compares the files of the checked categories with those last
	 * submitted and goes no further: a file added since can be removed again, one removed
	 * cannot be brought back.
	 */
	@Test
	void theResubmissionIsRefusedWhenTheCheckedFilesDifferFromThoseLastSubmitted() {
		Case claim = returnedAtTheJointReview();
		long invoice = attachment(claim, AttachmentCategory.INVOICE).id();
		long added = invoiceAddedAnotherWay(claim, "另一张发票.pdf");

		assertThatThrownBy(() -> review.resubmit(claim)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).startsWith("本次补正不能更换设备购置发票、设备购置合同、付款凭证附件：县级财政部门已核验设备明细和发票")
					.contains("请删除本次补正中上传的设备购置发票《另一张发票.pdf》后重新提交"));
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);
		// Never submitted, it may go again: that restores what was checked.
		review.removeAttachment(claim, added);

		// The invoice swapped: the checked one taken out, another one in.
		invoiceAddedAnotherWay(claim, "重开的发票.pdf");
		jdbc.sql("UPDATE attachment SET removed_at = ?, removed_by = 'ent-gx' WHERE id = ?")
			.params(Timestamp.from(Instant.now()), invoice)
			.update();
		assertThatThrownBy(() -> review.resubmit(claim)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).contains("请删除本次补正中上传的设备购置发票《重开的发票.pdf》后重新提交",
						"上次提交时的设备购置发票《发票.pdf》已从申报材料中删除、不能恢复，请撤回本申报后重新申报"));
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(review.called(claim, "joint-review")).isWaitingAtExactly("CallActivity_CorrectionAtJointReview");
	}

	@Test
	void invoicesMayChangeWhenTheCaseWasReturnedAtTheInvoiceCheckWhichRunsAgain() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");
		review.correct(claim, form -> form.getEquipment().get(0).setModel("ZX-2"));
		review.removeAttachment(claim, attachment(claim, AttachmentCategory.INVOICE).id());
		review.attach(claim, AttachmentCategory.INVOICE, "重开的发票.pdf");

		review.resubmit(claim);

		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(review.task(claim, "Task_CountyInvoiceCheck")).isNotNull();
	}

	@Test
	void thePolicyTaskCannotChangeInACorrectionAskedForByTheLeadBureausDecision() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");
		review.correct(project, form -> {
			form.setPolicyTask("1");
			form.setNeedsNewLand(true);
		});

		assertThatThrownBy(() -> review.resubmit(project)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).startsWith("本次补正不能修改重点任务、要素需求：市级联审单位已按重点任务、要素需求和所属入库项目确定"));

		review.correct(project, form -> {
			form.setPolicyTask("7");
			form.setNeedsNewLand(false);
			form.setLocation("冠县经济开发区振兴路 18 号 3 号地块");
		});
		review.resubmit(project);
		// The location changed: every body reviews the corrected dossier before the
		// bureau decides again.
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
	}

	@Test
	void thePolicyTaskMayChangeWhenTheCityReturnedTheCaseAtAcceptanceAndItIsRoutedAgain() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "RETURN");
		review.correct(project, form -> form.setNeedsNewLand(true));

		review.resubmit(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");

		assertThat(review.tasks(project, "Task_JointReview")).extracting(review::candidateGroup).contains("city-land");
	}

	/** A subsidy claim past the county's invoice check, returned by the tax bureau. */
	private Case returnedAtTheJointReview() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> group.equals("city-tax") ? "RETURN" : "APPROVE");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);
		return claim;
	}

	/**
	 * An invoice that reached the dossier past the upload's checks (uploaded as another
	 * material, its category changed in the database).
	 */
	private long invoiceAddedAnotherWay(Case c, String fileName) {
		review.attach(c, AttachmentCategory.OTHER, fileName);
		long added = attachment(c, AttachmentCategory.OTHER).id();
		jdbc.sql("UPDATE attachment SET category = 'INVOICE' WHERE id = ?").param(added).update();
		return added;
	}

	private AttachmentView attachment(Case c, AttachmentCategory category) {
		return review.attachments(c).stream().filter(a -> a.category() == category).findFirst().orElseThrow();
	}

	/** A PDF of {@code category} posted as a multipart form, with the fields given. */
	private static HttpResponse<String> upload(WebClient client, String path, String category, String... fields) {
		String[] all = new String[fields.length + 2];
		System.arraycopy(fields, 0, all, 0, fields.length);
		all[fields.length] = "category";
		all[fields.length + 1] = category;
		EquipmentLists.Multipart multipart = EquipmentLists.multipart("新发票.pdf", ReviewFixture.pdf(category), all);
		return client.post(path, HttpRequest.BodyPublishers.ofByteArray(multipart.body()), multipart.contentType());
	}

}
