package cn.liaocheng.renewal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An administrator, as a new user would: opens the subsidy process in the browser,
 * changes a due date, deploys and sees the new version, then is stopped with a clear
 * message when a task names a group that does not exist.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class AdminModelEditorBrowserTest {

	@Autowired
	RepositoryService repository;

	private Browser browser;

	@AfterAll
	void removeTheNewVersion() {
		repository.createDeploymentQuery()
			.deploymentName("admin-models")
			.list()
			.forEach(d -> repository.deleteDeployment(d.getId(), true));
	}

	@Test
	void anAdministratorEditsTheSubsidyProcessInTheBrowserAndDeploysIt() {
		int before = latestVersion();
		browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		browser.open("/admin/models");
		browser.waitFor(By.cssSelector("#process-subsidy-application a.button")).click();
		browser.waitUntil(d -> "true".equals(d.findElement(By.id("editor")).getDomAttribute("data-loaded")));
		assertThat(browser.driver()
			.findElements(By.cssSelector("#canvas .djs-element[data-element-id='Task_ExpertReview']"))).isNotEmpty();
		browser.screenshot("admin-bpmn-editor");

		select("Task_ExpertReview");
		WebElement due = field("办理期限");
		due.clear();
		due.sendKeys("P5D\n");
		browser.driver().findElement(By.id("deploy")).click();
		browser.waitUntil(d -> d.findElement(By.id("editor")).getDomAttribute("data-outcome") != null);

		assertThat(browser.driver().findElement(By.id("result")).getText()).contains("已部署",
				"subsidy-application 版本 " + (before + 1));
		assertThat(latestVersion()).isEqualTo(before + 1);
		browser.screenshot("admin-bpmn-editor-deployed");
		assertThat(browser.driver().findElement(By.id("editor-version")).getText())
			.isEqualTo("subsidy-application · 版本 " + (before + 1) + "（最新为版本 " + (before + 1) + "）");

		browser.driver().executeScript("document.getElementById('editor').removeAttribute('data-outcome')");
		select("Task_ExpertReview");
		WebElement groups = field("候选组");
		groups.clear();
		groups.sendKeys("city-nowhere\n");
		browser.driver().findElement(By.id("deploy")).click();
		browser.waitUntil(d -> d.findElement(By.id("editor")).getDomAttribute("data-outcome") != null);

		String refusal = browser.driver().findElement(By.id("result")).getText();
		assertThat(refusal).contains("部署被拒绝", "Task_ExpertReview", "候选组 “city-nowhere” 不存在");
		assertThat(latestVersion()).isEqualTo(before + 1);
		browser.screenshot("admin-bpmn-editor-refused");

		// A colleague deploys a newer version meanwhile: the page asks before undoing it.
		String colleagues = latestXml().replace("name=\"组织专家评审\"", "name=\"组织专家评审（同事修改）\"");
		assertThat(colleagues).isNotEqualTo(latestXml());
		repository.createDeployment().name("admin-models").addString("subsidy-application.bpmn", colleagues).deploy();
		browser.driver().executeScript("document.getElementById('editor').removeAttribute('data-outcome')");
		select("Task_ExpertReview");
		WebElement restored = field("候选组");
		restored.clear();
		restored.sendKeys("city-industry\n");
		browser.driver().findElement(By.id("deploy")).click();
		answer(false);
		browser.waitUntil(d -> "newer".equals(d.findElement(By.id("editor")).getDomAttribute("data-outcome")));
		assertThat(browser.driver().findElement(By.id("result")).getText()).contains("最新版本是版本 " + (before + 2),
				"会撤销版本 " + (before + 2) + " 中的修改");
		assertThat(latestVersion()).isEqualTo(before + 2);
		browser.screenshot("admin-bpmn-editor-newer");

		browser.driver().findElement(By.id("deploy")).click();
		answer(true);
		browser.waitUntil(d -> "deployed".equals(d.findElement(By.id("editor")).getDomAttribute("data-outcome")));
		assertThat(latestVersion()).isEqualTo(before + 3);
		assertThat(latestXml()).doesNotContain("同事修改");
	}

	private void answer(boolean accept) {
		browser.waitUntil(d -> {
			try {
				org.openqa.selenium.Alert alert = d.switchTo().alert();
				if (accept) {
					alert.accept();
				}
				else {
					alert.dismiss();
				}
				return true;
			}
			catch (org.openqa.selenium.NoAlertPresentException notYet) {
				return false;
			}
		});
	}

	private String latestXml() {
		org.camunda.bpm.engine.repository.ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey("subsidy-application")
			.latestVersion()
			.singleResult();
		try (java.io.InputStream in = repository.getProcessModel(latest.getId())) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private void select(String elementId) {
		browser.driver()
			.executeScript("const m = window.renewalModeler;"
					+ " m.get('selection').select(m.get('elementRegistry').get(arguments[0]));", elementId);
	}

	private WebElement field(String label) {
		return browser.waitFor(By.xpath("//aside[@id='properties']//label[contains(., '" + label + "')]/input"));
	}

	private int latestVersion() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey("subsidy-application")
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
