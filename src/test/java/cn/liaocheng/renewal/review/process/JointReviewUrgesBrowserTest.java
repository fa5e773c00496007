package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

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
 * In a real Chromium: on the dossier page, the city industry bureau's reviewer finds the
 * bodies whose joint-review opinion is outstanding, urges one with a reason and reads the
 * answer; the row then says it was urged today. Another joint-review body's reviewer sees
 * no such card. Screenshot: joint-review-urges.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class JointReviewUrgesBrowserTest extends ReviewProcessTest {

	private Browser browser;

	@Autowired
	JointReviewUrgesBrowserTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theIndustryBureauUrgesAnOutstandingBodyFromTheDossierPage() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");

		browser.logIn("lc-ecology", DemoUsers.PASSWORD);
		browser.open("/review/applications/" + project.id());
		browser.waitFor(By.id("joint-review"));
		assertThat(browser.driver().findElements(By.id("joint-review-urges"))).as("not the bureau's peers").isEmpty();

		browser.forgetEverything();
		browser.logIn("lc-industry", DemoUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/review/applications/" + project.id());
		WebElement card = browser.waitFor(By.id("joint-review-urges"));
		assertThat(card.getText()).contains("聊城市发展和改革委员会", "聊城市生态环境局", "待认领", "前办结（含当日）").doesNotContain("今天已催办");
		WebElement row = card.findElement(By.cssSelector("tr[data-body='city-development']"));
		row.findElement(By.name("reason")).sendKeys("联审意见请在期限内提出");
		row.findElement(By.tagName("button")).click();

		WebElement after = browser.waitFor(By.cssSelector("#joint-review-urges .alert"));
		assertThat(after.getText()).isEqualTo("已催办聊城市发展和改革委员会「市级联审」，该单位全体人员会收到提醒。");
		assertThat(browser.driver()
			.findElement(By.cssSelector("#joint-review-urges tr[data-body='city-development']"))
			.getText()).contains("今天已催办");
		assertThat(browser.driver()
			.findElement(By.cssSelector("#joint-review-urges tr[data-body='city-ecology']"))
			.findElements(By.tagName("button"))).hasSize(1);
		browser.fullPageScreenshot("joint-review-urges");
	}

}
