package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 冠县's industry bureau rejects a registration made in another company's name from its
 * accounts page: the reason is asked for and confirmed, and the row then shows who
 * rejected it, when and why, with no action left on it.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class EnterpriseRejectionBrowserTest {

	@Autowired
	EnterpriseRegistry registry;

	private Browser browser;

	@Test
	void theCountyRejectsARegistrationWithItsReason() {
		String userId = Registrations.freshUserId();
		Enterprise pending = registry.record(new NewEnterprise(new CreditCode(Registrations.freshCreditCode("371525")),
				"冒名注册测试企业" + userId, "371525", "专用设备制造", "张三", "13800000000", userId), null);
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/county/enterprises");
		WebElement row = browser.waitFor(By.id("enterprise-" + pending.id()));
		row.findElement(By.cssSelector("form.reject input[name=reason]")).sendKeys("经电话核实，该企业未申请注册，系冒用");
		browser.fullPageScreenshot("county-enterprises-reject");

		row.findElement(By.cssSelector("button.reject")).click();
		browser.waitUntil(d -> {
			try {
				d.switchTo().alert().accept();
				return true;
			}
			catch (org.openqa.selenium.NoAlertPresentException e) {
				return false;
			}
		});

		browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert.info")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".alert.info")).getText())
			.contains("已驳回注册：" + pending.name(), "可重新注册");
		WebElement rejected = browser.waitFor(By.id("enterprise-" + pending.id()));
		assertThat(rejected.getText()).contains("已驳回", DemoUsers.COUNTY_REVIEWER + " 驳回", "原因：经电话核实，该企业未申请注册，系冒用")
			.doesNotContain("激活")
			.doesNotContain("停用");
		assertThat(rejected.findElements(By.tagName("button"))).isEmpty();
		assertThat(registry.findByUser(userId).orElseThrow().status()).isEqualTo(EnterpriseStatus.REJECTED);
		browser.fullPageScreenshot("county-enterprises-rejected");
	}

}
