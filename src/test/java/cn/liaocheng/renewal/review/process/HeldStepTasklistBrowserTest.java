package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium: the county finance bureau's Tasklist list shows a payment held by a
 * clawback as 暂停办理 (grey, the reason in its tooltip) instead of 已超期, and tones down
 * Tasklist's own red due date on that card and on the open task, while an ordinary
 * overdue payment stays red. Screenshots: tasklist-list-held-payment,
 * tasklist-task-held-payment.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class HeldStepTasklistBrowserTest extends ReviewProcessTest {

	private static final String FINANCE = "gx-finance";

	private Browser browser;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	HeldStepTasklistBrowserTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aHeldPaymentIsGreyWithItsReasonWhereAnOverdueOneIsRed() {
		Case heldClaim = review.allocatedSubsidy();
		Task held = review.task(heldClaim, "Task_RecordPayment");
		Case lateClaim = review.allocatedSubsidy();
		Task late = review.task(lateClaim, "Task_RecordPayment");
		review.acceptanceFailed(heldClaim, "验收组认定两台设备未安装，验收不合格。");
		for (Task task : List.of(held, late)) {
			tasks.setDueDate(task.getId(), Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));
		}

		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(FINANCE, DemoUsers.PASSWORD);
		String department = filters.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
		browser.open("/camunda/app/tasklist/default/#/?filter=" + department);
		browser.waitUntil(d -> remaining(held).getText().equals("暂停办理"));
		browser.waitUntil(d -> remaining(late).getText().startsWith("已超期"));
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", card(held));
		browser.screenshot("tasklist-list-held-payment");

		WebElement heldRemaining = remaining(held);
		assertThat(heldRemaining.getAttribute("class")).contains("renewal-held").doesNotContain("renewal-overdue");
		assertThat(heldRemaining.getAttribute("title")).contains("正在追回程序中", "暂停拨付", "自恢复之日起重新计算");
		assertThat(card(held).getAttribute("class")).contains("renewal-held-card");
		assertThat(remaining(late).getAttribute("class")).contains("renewal-overdue");
		assertThat(card(late).getAttribute("class")).doesNotContain("renewal-held-card");
		// Tasklist's own due date: red on the late card, toned down on the held one.
		String heldDue = dueColour(held);
		String lateDue = dueColour(late);
		assertThat(heldDue).as("the held card's due date").contains("119, 119, 119");
		assertThat(lateDue).as("the late card's due date").isNotEqualTo(heldDue);

		// The open task says the same beside its due date.
		browser.open("/camunda/app/tasklist/default/#/?filter=" + department + "&task=" + held.getId());
		WebElement tag = browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .renewal-held-tag"));
		browser.screenshot("tasklist-task-held-payment");
		assertThat(tag.getText()).isEqualTo("暂停办理");
		assertThat(tag.getAttribute("title")).contains("正在追回程序中", "暂停拨付");
		assertThat(
				browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] .due-date")).getCssValue("color"))
			.as("the open held task's due date")
			.contains("119, 119, 119");
		browser.open("/camunda/app/tasklist/default/#/?filter=" + department + "&task=" + late.getId());
		// Asked about the late task, and no tag beside it: an overdue step that is not
		// held.
		browser.waitUntil(d -> d.findElements(By.cssSelector("[cam-tasklist-task-meta] .due-date"))
			.stream()
			.anyMatch(date -> late.getId().equals(date.getAttribute("data-renewal-claim-asked-for")))
				&& d.findElements(By.cssSelector("[cam-tasklist-task-meta] .renewal-held-tag")).isEmpty());
		assertThat(
				browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] .due-date")).getCssValue("color"))
			.as("the open late task's due date")
			.doesNotContain("119, 119, 119");
	}

	/** The card of {@code task} in the list, once its working days are shown. */
	private WebElement card(Task task) {
		return browser.tasklistCard(task.getId());
	}

	private WebElement remaining(Task task) {
		return card(task).findElement(By.cssSelector(".renewal-remaining"));
	}

	private String dueColour(Task task) {
		WebElement due = card(task).findElement(By.cssSelector(".due-date"));
		return due.getCssValue("color");
	}

}
