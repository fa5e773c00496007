package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An accountant imports the equipment list of a draft from Excel in a real Chromium: the
 * page says before the upload that the list replaces the lines, asks once more, lists a
 * bad file's problems by row and column, and shows the imported lines.
 *
 * <p>
 * Screenshots go to target/screenshots (equipment-import-problems,
 * equipment-import-done).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class EquipmentImportBrowserTest {

	@LocalServerPort
	int port;

	private Browser browser;

	private Path files;

	@BeforeAll
	void makeTheFilesDirectory() throws IOException {
		files = Files.createTempDirectory("renewal-equipment-");
	}

	@AfterAll
	void removeTheFiles() throws IOException {
		try (var paths = Files.list(files)) {
			for (Path p : paths.toList()) {
				Files.deleteIfExists(p);
			}
		}
		Files.deleteIfExists(files);
	}

	@Test
	void anAccountantImportsTheEquipmentListAfterCorrectingABadFile() throws IOException {
		long id = draftWithOneLine();
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/" + id);
		assertThat(browser.waitFor(By.id("equipment-import")).getText()).contains("导入将替换本申报现有的全部设备明细（目前 1 条）",
				"设备清单模板.xlsx");

		upload("设备清单-有误.xlsx", EquipmentLists
			.project(List.of(List.of("五轴加工中心", "VMC850", 0, 100000, "国产"), List.of("工业机器人", "IR-6", 1, "5万元", "国外"))));

		WebElement problems = browser.waitFor(By.id("import-problems"));
		assertThat(problems.getText()).contains("设备清单未导入，有 3 处需要修改", "第2行“数量”：应在 1 到 100000 之间", "第3行“单价”：须以元为单位填写",
				"第3行“产地”：应填写“国产”或“进口”");
		assertThat(browser.driver().findElements(By.cssSelector("#equipment-lines tbody tr"))).hasSize(1);
		browser.driver()
			.executeScript("document.getElementById('equipment-import').scrollIntoView({block: 'center'});");
		browser.screenshot("equipment-import-problems");

		upload("设备清单.xlsx", EquipmentLists.project(List.of(List.of("五轴加工中心", "VMC850", 2, 100000, "国产"),
				List.of("工业机器人", "IR-6", 1, "50,000.00", "进口", "旧机械手", 12, 2))));

		assertThat(browser.waitFor(By.cssSelector("main .alert.info")).getText()).contains("已从《设备清单.xlsx》导入 2 条设备明细");
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#equipment-lines tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).getText()).contains("工业机器人", "IR-6", "进口");
		browser.fullPageScreenshot("equipment-import-done");
	}

	/**
	 * A file over the server's limit is refused in the browser before anything is sent,
	 * and before the replacement is confirmed; a file within it is sent as usual.
	 */
	@Test
	void aFileOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
		long id = draftWithOneLine();
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/" + id);
		Path large = files.resolve("设备清单-扫描件.xlsx");
		try (var out = Files.newOutputStream(large)) {
			out.write(new byte[12 * 1024 * 1024]);
		}
		WebElement button = browser.waitFor(By.id("import-equipment"));
		browser.driver().findElement(By.id("equipment-file")).sendKeys(large.toString());

		button.click();

		WebElement refusal = browser.waitFor(By.cssSelector("#equipment-import .upload-limit"));
		assertThat(refusal.getText()).isEqualTo("以下文件超过 10 MB，请压缩后重新选择：设备清单-扫描件.xlsx。填写的内容仍在表单中，尚未提交。");
		assertThatThrownBy(() -> browser.driver().switchTo().alert())
			.as("no confirmation asked for a file that cannot be sent")
			.isInstanceOf(NoAlertPresentException.class);
		browser.screenshot("upload-over-the-limit");
		assertThat(browser.driver().findElements(By.cssSelector("#equipment-lines tbody tr"))).hasSize(1);
	}

	/** Chooses the file, sends it and confirms the replacement of the lines. */
	private void upload(String name, byte[] content) throws IOException {
		Path file = Files.write(files.resolve(name), content);
		WebElement button = browser.waitFor(By.id("import-equipment"));
		browser.driver().findElement(By.id("equipment-file")).sendKeys(file.toString());
		button.click();
		Alert confirm = browser.waitUntil(alertIsPresent());
		assertThat(confirm.getText()).contains("导入将替换现有的", "条设备明细");
		confirm.accept();
		browser.waitUntilGone(button);
	}

	/** A project draft of ent-gx with one equipment line, made through the API. */
	private long draftWithOneLine() {
		String dossier = """
				{"projectName": "冠县轴承生产线智能化改造项目", "policyTask": "4", "totalInvestment": "2000000.00",
				 "equipmentInvestment": "900000.00", "equipment": [{"name": "数控车床", "model": "CK6150",
				 "quantity": "2", "unitPrice": "185000.00", "origin": "DOMESTIC"}]}""";
		var created = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.postJson("/api/applications?kind=PROJECT", dossier, "Idempotency-Key",
					java.util.UUID.randomUUID().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Long.parseLong(created.body().replaceAll("(?s).*?\"summary\":\\{\"id\":(\\d+).*", "$1"));
	}

}
