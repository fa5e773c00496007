package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The equipment list import follows the rule for editing a dossier: refused while a body
 * reviews it, allowed when it is returned for correction (补正), where the change is
 * recorded like one typed in, and refused again once it is resubmitted.
 */
@WebIntegrationTest
class CorrectionImportTest extends ReviewProcessTest {

	private static final byte[] LIST = EquipmentLists.project(List.of(List.of("补正后的数控车床", "CK6150", 1, 1000, "国产")));

	@LocalServerPort
	int port;

	@Autowired
	CorrectionImportTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void anApplicationReturnedForCorrectionTakesAnImportedListAndOneUnderReviewDoesNot() {
		Case project = review.submitProject(7);

		HttpResponse<String> underReview = importList(project);

		assertThat(underReview.statusCode()).as(underReview.body()).isEqualTo(409);

		review.decide(project, "Task_CountyFormalReview", "RETURN", "设备明细与发票不一致，请核对后重新填写");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		HttpResponse<String> corrected = importList(project);

		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.body()).contains("补正后的数控车床");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(review.history(project)).anySatisfy(line -> assertThat(line).contains("修改申报材料：").contains("设备明细"));

		review.resubmit(project);

		assertThat(importList(project).statusCode()).as("resubmitted").isEqualTo(409);
	}

	/**
	 * An import replaces every line: refused when the open correction settled the
	 * equipment and invoices (the county finance bureau checked them and will not see
	 * them again), before the file is read, and nothing changes.
	 */
	@Test
	void aCorrectionThatSettledTheInvoicesTakesNoImport() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new java.math.BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> group.equals("city-tax") ? "RETURN" : "APPROVE");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);

		HttpResponse<String> refused = importList(claim);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("本次补正不能修改设备明细及发票", "县级财政部门已核验设备明细和发票", "请撤回本申报后重新申报");
		assertThat(review.history(claim)).noneSatisfy(line -> assertThat(line).contains("修改申报材料："));
		review.resubmit(claim);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CITY_REVIEW);
	}

	private HttpResponse<String> importList(Case c) {
		EquipmentLists.Multipart multipart = EquipmentLists.multipart("设备清单.xlsx", LIST);
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.post("/api/applications/" + c.id() + "/equipment-import",
					HttpRequest.BodyPublishers.ofByteArray(multipart.body()), multipart.contentType());
	}

}
