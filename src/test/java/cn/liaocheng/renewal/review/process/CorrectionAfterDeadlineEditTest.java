package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Security review proof: the correction period (补正期限) bounds the resubmission, not the
 * editing. Once the deadline has passed, and until the engine's timer lapses the case (on
 * its next acquisition, or later when the job executor is busy or a node is down), the
 * enterprise still replaces the dossier's equipment list (and any field, through PUT
 * /api/applications/{id}); the case's history records the change after the deadline and
 * the dossier the lapse decision ("逾期未补正") rests on is no longer the one of the period.
 * Expected: the edit refused like the resubmission. Fails on the reviewed code (200).
 */
@WebIntegrationTest
class CorrectionAfterDeadlineEditTest extends ReviewProcessTest {

	private static final byte[] LIST = EquipmentLists.project(List.of(List.of("期限届满后导入的设备", "CK6150", 1, 1000, "国产")));

	@LocalServerPort
	int port;

	@Autowired
	CorrectionAfterDeadlineEditTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void anImportAfterTheCorrectionDeadlineIsRefusedLikeTheResubmission() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "设备明细与发票不一致，请核对后重新填写");
		review.recordCorrectionDeadline(project, Instant.now().minusSeconds(60));
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		HttpResponse<String> late = importList(project);

		System.out.println("import after the deadline -> " + late.statusCode() + " " + late.body());
		System.out.println("history: " + review.history(project));
		assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
	}

	/**
	 * Every other change of the dossier after the deadline is refused the same way: the
	 * fields (as PUT /api/applications/{id} writes them), an attachment added, an
	 * attachment removed; the dossier stays as it was.
	 */
	@Test
	void noChangeOfTheDossierAfterTheCorrectionDeadline() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.recordCorrectionDeadline(project, Instant.now().minusSeconds(60));
		List<String> before = review.history(project);

		assertThatThrownBy(() -> review.correct(project, form -> form.setProjectName("期限届满后改的名称")))
			.isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("补正期限已于")
			.hasMessageContaining("不能再修改申报材料");
		assertThatThrownBy(() -> review.attachAndRemove(project)).isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("补正期限已于");
		long submitted = review.attachmentIds(project).get(0);
		assertThatThrownBy(() -> review.removeAttachment(project, submitted))
			.isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("补正期限已于");

		assertThat(review.history(project)).isEqualTo(before);
		assertThat(review.attachmentIds(project)).contains(submitted);
	}

	/** Before the deadline, the enterprise corrects as before. */
	@Test
	void changesWithinTheCorrectionPeriodAreTaken() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.recordCorrectionDeadline(project, Instant.now().plusSeconds(3600));

		review.correct(project, form -> form.setProjectName("期限内改的名称"));
		review.attachAndRemove(project);

		assertThat(importList(project).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> importList(Case c) {
		EquipmentLists.Multipart multipart = EquipmentLists.multipart("设备清单.xlsx", LIST);
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.post("/api/applications/" + c.id() + "/equipment-import",
					HttpRequest.BodyPublishers.ofByteArray(multipart.body()), multipart.contentType());
	}

}
