package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.IdentityService;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The enterprise's forms in daily use: the application form asks before typed lines are
 * left unsaved, and an upload on a slow line says what is under way and keeps its button
 * held until it is answered.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class PortalFormsBrowserTest {

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	private Browser browser;

	@BeforeEach
	void signIn() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	@AfterEach
	void fullSpeed() {
		browser.driver().deleteNetworkConditions();
	}

	/**
	 * The page's answer to leaving it, asked as the browser asks before it unloads the
	 * page (the dialog itself is the browser's: WebDriver accepts it on its own).
	 */
	@Test
	void theApplicationFormAsksBeforeTypedTextIsLeftUnsavedAndNotWhenItIsSent() {
		browser.open("/enterprise/applications/new?kind=PROJECT");
		WebElement name = browser.waitFor(By.id("projectName"));
		assertThat(asksBeforeLeaving()).as("nothing typed yet").isFalse();
		name.sendKeys("冠县轴承生产线改造");
		assertThat(asksBeforeLeaving()).as("typed, not saved").isTrue();

		// Shown again by the server with three more lines, what was typed is still
		// unsaved: asked from the start.
		browser.driver().findElement(By.cssSelector("button[name=action][value=addLines]")).click();
		browser.waitUntil(d -> "true"
			.equals(d.findElement(By.cssSelector("form[data-unsaved-warning]")).getAttribute("data-dirty")));
		assertThat(browser.driver().findElement(By.id("projectName")).getAttribute("value")).isEqualTo("冠县轴承生产线改造");
		assertThat(asksBeforeLeaving()).as("shown again unsaved").isTrue();
		browser.screenshot("application-form-lines-added-unsaved");

		// A saved draft opened again asks nothing until it is changed.
		long id = new SubmittedProjects(applications, identity).draftProject(DemoUsers.ENTERPRISE);
		browser.open("/enterprise/applications/" + id + "/edit");
		browser.waitFor(By.id("projectName"));
		assertThat(asksBeforeLeaving()).isFalse();
	}

	@Test
	void anUploadOnASlowLineSaysWhatIsUnderWayAndKeepsItsButtonHeldPastThirtySeconds() throws IOException {
		long id = new SubmittedProjects(applications, identity).draftProject(DemoUsers.ENTERPRISE);
		browser.open("/enterprise/applications/" + id);
		byte[] content = new byte[300 * 1024];
		Arrays.fill(content, (byte) ' ');
		byte[] header = "%PDF-1.4\n".getBytes();
		System.arraycopy(header, 0, content, 0, header.length);
		Path file = Files.createTempFile("营业执照", ".pdf");
		Files.write(file, content);
		try {
			browser.waitFor(By.id("file")).sendKeys(file.toString());
			WebElement upload = browser.driver().findElement(By.id("upload"));
			// While the upload is on its way WebDriver waits for the page's answer, so
			// the page writes down what it shows (in window.name, which the next page
			// keeps): the note, and whether the button is still held 31.5 s on, past the
			// 30 s after which a form without files is let go.
			browser.driver()
				.executeScript("var button = arguments[0]; window.name = '';"
						+ "button.form.addEventListener('submit', function () { setTimeout(function () {"
						+ "  var note = button.form.querySelector('.upload-progress');"
						+ "  window.name = (note ? note.textContent : '(none)') + '|' + button.disabled;"
						+ "  setTimeout(function () { window.name += '|' + button.disabled; }, 31500);"
						+ "}, 200); });", upload);
			ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
			slow.setLatency(Duration.ofMillis(50));
			slow.setDownloadThroughput(1024 * 1024);
			slow.setUploadThroughput(8 * 1024);
			browser.driver().setNetworkConditions(slow);
			upload.click();
			// The answer comes back: the page shows it.
			browser.waitUntil(d -> !d.findElements(By.xpath("//*[contains(text(), '已上传。')]")).isEmpty(),
					Duration.ofSeconds(90));
			String seen = (String) browser.driver().executeScript("return window.name;");
			assertThat(seen).isEqualTo("正在上传文件（共 0.3 MB），请勿关闭或刷新本页，上传完成后页面会自动显示结果。|true|true");
		}
		finally {
			browser.driver().executeScript("window.name = '';");
			Files.deleteIfExists(file);
		}
	}

	/** Whether the page would ask before being left, as the browser asks it. */
	private boolean asksBeforeLeaving() {
		return (Boolean) browser.driver()
			.executeScript("var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
					+ " return e.defaultPrevented;");
	}

}
