package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A completion the server refuses tells the reviewer in Tasklist what happened and what
 * to do: the notification says the task was not submitted and the input is kept, followed
 * by the server's Chinese reason; the input is indeed still in the form, and once
 * corrected the same form completes the task. In a real Chromium (zh-CN); the screenshot
 * is target/screenshots/tasklist-completion-refused.png.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class RefusedCompletionBrowserTest {

	private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

	private static final By COMPLETE = By
		.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");

	private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");

	private static final String OPINION = "审查意见";

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	private Browser browser;

	@Test
	void aRefusedCompletionSaysTheTaskWasNotSubmittedWhyAndThatTheInputIsKept() {
		Task task = new CountyReviewTasks(applications, identity, tasks).heldBy(DemoUsers.COUNTY_REVIEWER);
		browser.driver().manage().window().setSize(new Dimension(1400, 1100));
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
		browser.waitFor(FORM);
		chooseApproval();
		// form-js lets a direction override (U+202E) through; the engine's check of the
		// form refuses it.
		String refused = "材料齐全\u202E件条持支合符";
		opinion().clear();
		opinion().sendKeys(refused);

		browser.waitUntil(elementToBeClickable(COMPLETE)).click();

		String shown = browser.waitUntil(d -> {
			String text = String.join("\n", notifications());
			return text.contains("「审查意见」") ? text : null;
		});
		browser.screenshot("tasklist-completion-refused");
		assertThat(shown).as("what Tasklist shows")
			.contains("任务未能提交（已填写的内容仍保留），请按提示处理后再点击“完成”")
			.contains("提交未被接受：「审查意见」含有改变文字方向的控制字符")
			.doesNotContain("提交任务表单时出错");
		assertThat(opinion().getAttribute("value")).as("the input is kept").isEqualTo(refused);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);

		// The reviewer closes the notice (it lies over 完成), corrects the opinion and
		// completes.
		browser.driver()
			.findElements(By.cssSelector(".notifications .alert button.close"))
			.stream()
			.filter(WebElement::isDisplayed)
			.forEach(WebElement::click);
		browser.waitUntil(d -> notifications().isEmpty());
		opinion().clear();
		opinion().sendKeys("材料齐全，符合实施方案的支持条件。");
		browser.waitUntil(elementToBeClickable(COMPLETE)).click();

		browser.waitUntil(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
	}

	private WebElement opinion() {
		return browser.waitFor(Browser.formControl(OPINION, "textarea"));
	}

	private void chooseApproval() {
		WebElement label = browser
			.waitUntil(elementToBeClickable(By.xpath(Browser.formField("审查结论") + "//label[normalize-space()='通过']")));
		label.click();
	}

	/** Visible notification texts; one removed while read is skipped. */
	private List<String> notifications() {
		List<String> texts = new ArrayList<>();
		for (WebElement element : browser.driver().findElements(NOTIFICATIONS)) {
			try {
				if (element.isDisplayed() && !element.getText().isBlank()) {
					texts.add(element.getText());
				}
			}
			catch (StaleElementReferenceException gone) {
				// removed between finding and reading
			}
		}
		return texts;
	}

}
