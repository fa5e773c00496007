package cn.liaocheng.renewal.browser;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import cn.liaocheng.renewal.enterprise.Registrations;

/** The public registration page filled in as an applicant types it, not yet sent. */
final class RegistrationForm {

	private RegistrationForm() {
	}

	/** Opens /register, fills every field, and returns the submit button. */
	static WebElement fill(Browser browser, String creditCode, String userId) {
		browser.open("/register");
		Map<String, String> form = Registrations.validForm(creditCode, userId);
		for (String field : List.of("creditCode", "name", "industry", "contactName", "contactPhone", "email", "userId",
				"password", "confirmPassword")) {
			browser.waitFor(By.id(field)).sendKeys(form.get(field));
		}
		new Select(browser.driver().findElement(By.id("divisionCode"))).selectByValue(form.get("divisionCode"));
		return browser.driver().findElement(By.cssSelector("button[type=submit].primary"));
	}

}
