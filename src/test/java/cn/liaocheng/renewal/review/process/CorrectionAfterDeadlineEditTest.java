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
 * The correction period (补正期限) bounds the editing as well as the resubmission. Once the
 * deadline has passed, and until the engine's timer lapses the case (on its next
 * acquisition, or later when the job executor is busy or a node is down), the enterprise
 * can no longer replace the dossier's equipment list, change a field (PUT
 * /api/applications/{id}) or an attachment: the dossier the lapse decision ("逾期未补正")
 * rests on stays the one of the period.
 */
@WebIntegrationTest
class CorrectionAfterDeadlineEditTest extends ReviewProcessTest {

	private static final byte[] LIST = EquipmentLists.project(List.of(List.of("期限届满后导入的设备", "CK6150", 1, 1000, "国产")));

	/** 数量 is not a whole number: the file's own mistake, on its row 2. */
	private static final byte[] WRONG = EquipmentLists
		.project(List.of(List.of("期限届满后导入的设备", "CK6150", "一台", 1000, "国产")));

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

		List<String> before = review.history(project);

		HttpResponse<String> late = importList(project, LIST);
		assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
		assertThat(late.body()).contains("补正期限已于", "不能再修改申报材料");
		// A file with mistakes of its own is refused as too late, before it is read.
		HttpResponse<String> lateAndWrong = importList(project, WRONG);
		assertThat(lateAndWrong.statusCode()).as(lateAndWrong.body()).isEqualTo(409);
		assertThat(lateAndWrong.body()).contains("补正期限已于").doesNotContain("第2行");
		assertThat(review.history(project)).isEqualTo(before);
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

		assertThat(importList(project, WRONG).statusCode()).isEqualTo(400);
		assertThat(importList(project, LIST).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> importList(Case c, byte[] list) {
		EquipmentLists.Multipart multipart = EquipmentLists.multipart("设备清单.xlsx", list);
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.post("/api/applications/" + c.id() + "/equipment-import",
					HttpRequest.BodyPublishers.ofByteArray(multipart.body()), multipart.contentType());
	}

}
