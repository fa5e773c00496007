package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.document.PreviewFiles;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 预览: a reviewer of the case reads an attachment page by page in the browser, as pictures
 * the server made; everyone else gets what the download gives them. Screenshot:
 * target/screenshots/attachment-preview.
 */
@WebIntegrationTest
class AttachmentPreviewTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	private final ApplicationStages stages;

	private final Applications applications;

	@Autowired
	AttachmentPreviewTest(ApplicationContext context) {
		super(context);
		this.stages = context.getBean(ApplicationStages.class);
		this.applications = context.getBean(Applications.class);
	}

	@Test
	void theCountyReviewerReadsTheLicencePageByPage() throws IOException {
		Case project = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(2, null));
		String base = attachment(project, AttachmentCategory.BUSINESS_LICENCE);
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		assertThat(reviewer.get("/review/applications/" + project.id()).body()).contains(base + "/view");
		HttpResponse<String> view = reviewer.get(base + "/view");
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("营业执照.pdf", "共 2 页", base + "/preview?page=1", base + "/preview?page=2")
			.doesNotContain("preview?page=3");

		HttpResponse<byte[]> second = reviewer.getBytes(base + "/preview?page=2");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(second.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(second.headers().firstValue("X-Page-Count")).hasValue("2");
		assertThat(second.headers().firstValue("Cache-Control")).as("not kept in the browser after logout")
			.hasValueSatisfying(value -> assertThat(value).contains("no-store").doesNotContain("max-age=600"));
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(second.body()));
		assertThat(picture.getHeight()).isGreaterThan(picture.getWidth());

		HttpResponse<String> third = reviewer.get(base + "/preview?page=3");
		assertThat(third.statusCode()).isEqualTo(422);
		assertThat(third.body()).isEqualTo("该文件共 2 页，没有第 3 页");
		assertThat(reviewer.get(base + "/preview?page=x").statusCode()).isEqualTo(400);
	}

	@Test
	void aFileWithoutPagesSaysSoAndOffersTheDownload() {
		Case project = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(1, null));
		String plan = attachment(project, AttachmentCategory.PROJECT_PLAN);
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		HttpResponse<String> view = reviewer.get(plan + "/view");

		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("该文件没有页面，请下载查看", "下载原文件").doesNotContain("<img");
	}

	@Test
	void nobodyElseSeesAPreview() {
		Case project = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(1, null));
		String base = attachment(project, AttachmentCategory.BUSINESS_LICENCE);
		// The reviewer's reading keeps the picture on this node: it is still not anyone
		// else's.
		WebClient reader = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<byte[]> shown = reader.getBytes(base + "/preview?page=1");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(reader.getBytes(base + "/preview?page=1").body()).isEqualTo(shown.body());
		for (String stranger : new String[] { "lq-industry", DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER }) {
			WebClient other = new WebClient(port).withBasic(stranger, DemoUsers.PASSWORD);
			assertThat(other.get(base + "/view").statusCode()).as(stranger).isEqualTo(404);
			assertThat(other.getBytes(base + "/preview?page=1").statusCode()).as(stranger).isEqualTo(404);
		}
		WebClient enterprise = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(enterprise.get(base + "/view").statusCode()).isEqualTo(403);
		assertThat(enterprise.getBytes(base + "/preview?page=1").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get(base + "/view").statusCode()).isEqualTo(302);
		// Another case's attachment through this case's door.
		Case other = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(1, null));
		String foreign = "/review/applications/" + project.id() + "/attachments/"
				+ attachment(other, AttachmentCategory.BUSINESS_LICENCE).replaceAll(".*/", "");
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get(foreign + "/view").statusCode()).isEqualTo(404);
		assertThat(reviewer.getBytes(foreign + "/preview?page=1").statusCode()).isEqualTo(404);
	}

	@Test
	void theEnterpriseReadsItsOwnAttachmentAndNoOtherEnterpriseDoes() throws IOException {
		Case project = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(2, null));
		String base = attachment(project, AttachmentCategory.BUSINESS_LICENCE).replace("/review/", "/enterprise/");
		WebClient owner = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		assertThat(owner.get("/enterprise/applications/" + project.id()).body()).contains(base + "/view");
		HttpResponse<String> view = owner.get(base + "/view");
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("共 2 页", base + "/preview?page=2",
				"返回申报详情（" + stages.facts(project.id()).referenceNo() + "）");
		HttpResponse<byte[]> first = owner.getBytes(base + "/preview?page=1");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).as("not kept in the browser after logout")
			.hasValueSatisfying(value -> assertThat(value).contains("no-store").doesNotContain("max-age=600"));
		assertThat(ImageIO.read(new ByteArrayInputStream(first.body()))).isNotNull();
		assertThat(owner.get(base + "/preview?page=9").statusCode()).isEqualTo(422);

		WebClient other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(other.get(base + "/view").statusCode()).isEqualTo(404);
		assertThat(other.getBytes(base + "/preview?page=1").statusCode()).isEqualTo(404);
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get(base + "/view").statusCode()).as("the enterprise's door").isEqualTo(403);
	}

	@Test
	void theEnterpriseReadsAnAttachmentOfItsDraftWhichHasNoReferenceNumberYet() {
		long draft = review.draft(ApplicationKind.PROJECT, Dossiers.project(7));
		long attachment = applications
			.addAttachment(review.enterprise(), draft, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf",
					PreviewFiles.pdf(1, null))
			.id();
		String base = "/enterprise/applications/" + draft + "/attachments/" + attachment;

		HttpResponse<String> view = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get(base + "/view");

		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("共 1 页", ">返回申报详情</a>").doesNotContain("（null）");
		WebClient other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(other.get(base + "/view").statusCode()).isEqualTo(404);
	}

	@Test
	void theReviewerSeesThePagesInTheBrowser() {
		Case project = review.submitProjectWithLicence("营业执照.pdf", PreviewFiles.pdf(2, null));
		String base = attachment(project, AttachmentCategory.BUSINESS_LICENCE);
		try (Browser browser = Browser.start(port)) {
			browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
			browser.open("/review/applications/" + project.id());
			browser.waitFor(By.cssSelector("a.attachment-preview"));
			browser.open(base + "/view");
			browser.waitUntil(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
				.executeScript("return Array.from(document.querySelectorAll('.preview-page img')).slice(0,1)"
						+ ".every(i => i.complete && i.naturalWidth > 0)"));
			browser.fullPageScreenshot("attachment-preview");
			assertThat(browser.driver().findElements(By.cssSelector(".preview-page img"))).hasSize(2);
		}
	}

	private String attachment(Case c, AttachmentCategory category) {
		long id = stages.dossier(c.id())
			.attachments()
			.stream()
			.filter(a -> a.category() == category)
			.findFirst()
			.orElseThrow()
			.id();
		return "/review/applications/" + c.id() + "/attachments/" + id;
	}

}
