package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A colleague's "新的待办任务" is shown as handled in the message centre once the task is done:
 * who did it, not in the unread count, and its button opens the case instead of the gone
 * task. Screenshot: target/screenshots/message-centre-task-handled.png.
 */
@WebIntegrationTest
class EndedTaskMessagesBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Test
	void aColleaguesNoteOfATaskDoneByTheReviewerIsShownAsHandledWithTheCase() {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，符合实施方案的支持条件。"));

		try (Browser browser = Browser.start(port)) {
			browser.driver().manage().window().setSize(new Dimension(1200, 900));
			browser.logIn(CountyReviewTasks.COLLEAGUE, DemoUsers.PASSWORD);
			browser.open("/messages");
			WebElement handled = browser.waitUntil(d -> d.findElements(By.cssSelector("li.message.task-ended"))
				.stream()
				.filter(li -> li.getText().contains("已由冠县工业和信息化局审核员办理"))
				.findFirst()
				.orElse(null));
			assertThat(handled.getAttribute("class")).contains("read").doesNotContain("unread");
			assertThat(handled.getText()).contains("已处理", "新的待办任务：县级形式审查").doesNotContain("标为已读");
			WebElement open = handled.findElement(By.cssSelector("a.button"));
			assertThat(open.getText()).isEqualTo("查看案件");
			assertThat(open.getAttribute("href")).endsWith("/review/applications/" + applicationId);
			browser.screenshot("message-centre-task-handled");
		}
	}

}
