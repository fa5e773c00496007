package cn.liaocheng.renewal.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, for the browser tests. It uses Debian's
 * {@code chromium} and {@code chromium-driver} packages only: both paths are set
 * explicitly so that Selenium Manager never looks for (or downloads) a driver or a
 * browser. A missing package fails the test with a message saying what to install.
 *
 * <p>
 * Starting Chromium costs seconds of CPU, so one Chromium serves every test class of a
 * test JVM: {@link #start} hands it out with no cookies, no web storage, one window of
 * the standard size and a blank page, as a fresh start would; its HTTP cache stays, as a
 * returning user's does (Camunda's webapps then revalidate their scripts instead of
 * downloading them again). {@link #forgetEverything()} gives every scenario a fresh
 * cookie state. Call {@link #close()} when done: it leaves the browser in that state for
 * the next class; the JVM's exit quits it and deletes its temporary profile. A browser
 * that no longer answers is replaced. {@link BrowserExtension} starts and closes it for a
 * test class.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Long enough for Camunda's webapps (dozens of scripts) to boot on a slow CI machine.
	 */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

	/**
	 * How often a wait asks again. Selenium's default, half a second, made every wait for
	 * a page's answer last up to that much past it; a question is one call to
	 * chromedriver on this machine, a few milliseconds.
	 */
	public static final Duration POLL = Duration.ofMillis(50);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path PAGE_SOURCES = Path.of("target", "page-sources");

	/**
	 * Selenium warns on every start that it has no DevTools binding for this Chromium
	 * version. The tests do not use DevTools over WebSocket (only chromedriver's own CDP
	 * passthrough), so the warning is noise. JUL loggers are held weakly, hence the
	 * strong references.
	 */
	private static final List<Logger> QUIETED = List.of(
			Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	static {
		QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
	}

	/** The window size every class starts with (as {@code --window-size} sets it). */
	private static final org.openqa.selenium.Dimension WINDOW = new org.openqa.selenium.Dimension(1400, 900);

	/** The JVM's Chromium and its profile, started by the first {@link #start}. */
	private static Running shared;

	private record Running(ChromeDriver driver, Path profile) {
	}

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/**
	 * A Camunda Form's field (div.fjs-form-field) whose label starts with {@code label},
	 * as an XPath.
	 */
	public static String formField(String label) {
		return "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
				+ "[.//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(), '" + label
				+ "')]]";
	}

	/** The {@code control} element (input, textarea…) of a Camunda Form's field. */
	public static By formControl(String label, String control) {
		return By.xpath(formField(label) + "//" + control);
	}

	/**
	 * The JVM's headless Chromium (started on first use, with a fresh profile) without
	 * cookies, web storage or extra windows; relative paths given to {@link #open}
	 * resolve against port.
	 */
	public static synchronized Browser start(int port) {
		if (shared != null && !reset(shared.driver())) {
			quit(shared);
			shared = null;
		}
		if (shared == null) {
			shared = launch();
			Running started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> quit(started), "chromium-quit"));
		}
		Browser browser = new Browser(shared.driver(), "http://localhost:" + port);
		browser.forgetEverything();
		return browser;
	}

	/**
	 * Back to the state of a fresh start but for the HTTP cache: one window of the
	 * standard size showing a blank page, no cookies; false if the browser does not
	 * answer.
	 */
	private static boolean reset(ChromeDriver driver) {
		try {
			List<String> windows = List.copyOf(driver.getWindowHandles());
			for (String window : windows.subList(1, windows.size())) {
				driver.switchTo().window(window);
				driver.close();
			}
			driver.switchTo().window(windows.get(0));
			driver.manage().window().setSize(WINDOW);
			driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			driver.get("about:blank");
			return true;
		}
		catch (RuntimeException gone) {
			return false;
		}
	}

	private static void quit(Running running) {
		try {
			running.driver().quit();
		}
		catch (RuntimeException alreadyGone) {
			// Nothing left to stop.
		}
		finally {
			deleteRecursively(running.profile());
		}
	}

	private static Running launch() {
		requireExecutable(CHROMIUM, "chromium");
		requireExecutable(CHROMEDRIVER, "chromium-driver");
		// Belt and braces: with the driver path known, Selenium Manager has nothing to
		// resolve.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile;
		try {
			profile = Files.createTempDirectory("renewal-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=zh-CN", "--window-size=1400,900", "--user-data-dir=" + profile);
		// Camunda's webapps choose their language from navigator.languages.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(System.err)
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			deleteRecursively(profile);
			throw ex;
		}
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Running(driver, profile);
	}

	private static void requireExecutable(Path path, String debianPackage) {
		if (!Files.isExecutable(path)) {
			fail(path + " is missing: the browser tests need Debian's Chromium and its driver"
					+ " (apt-get install chromium chromium-driver); package '" + debianPackage + "' provides it");
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	public String url(String path) {
		return path.startsWith("http") ? path : baseUrl + path;
	}

	/**
	 * Navigates to a path of the application (or an absolute URL) and waits for the
	 * document to load.
	 */
	public Browser open(String path) {
		driver.get(url(path));
		return this;
	}

	/**
	 * Forgets the previous scenario: cookies (the session), web storage and the current
	 * page. Cookies are deleted for the whole browser, not only for the current page's
	 * host.
	 */
	public void forgetEverything() {
		// Web storage can only be cleared from a page of the application's origin.
		open("/login");
		driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		driver.manage().deleteAllCookies();
		driver.get("about:blank");
	}

	/**
	 * Logs in through the application's single login page and waits until the browser has
	 * left it; a refused login fails at once with the message the page shows.
	 */
	public void logIn(String user, String password) {
		submitLogin(user, password);
		By error = By.cssSelector(".login-box .alert.error");
		waitUntil(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(error).isEmpty());
		if (driver.getCurrentUrl().contains("/login")) {
			fail("login as " + user + " was refused: " + driver.findElement(error).getText());
		}
	}

	/** Fills in and submits the login form without expecting success. */
	public void submitLogin(String user, String password) {
		if (!driver.getCurrentUrl().startsWith(url("/login"))) {
			open("/login");
		}
		WebElement username = waitFor(By.id("username"));
		username.clear();
		username.sendKeys(user);
		WebElement passwordField = driver.findElement(By.id("password"));
		passwordField.clear();
		passwordField.sendKeys(password);
		driver.findElement(By.cssSelector("button.primary")).click();
	}

	public WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Polls until the condition holds. An element that goes stale while the page is being
	 * replaced (a form's answer arriving) only means the condition is asked again on the
	 * new page.
	 */
	public <T> T waitUntil(Function<? super WebDriver, T> condition) {
		return waitUntil(condition, DEFAULT_WAIT);
	}

	/** As {@link #waitUntil(Function)}, for at most {@code within}. */
	public <T> T waitUntil(Function<? super WebDriver, T> condition, Duration within) {
		return new WebDriverWait(driver, within, POLL).ignoring(StaleElementReferenceException.class).until(condition);
	}

	/**
	 * The card of a task in Tasklist's list, once the list's script has shown its working
	 * days (scripts/worklist.js). Tasklist redraws its list when it refreshes, so a card
	 * is found again for each look rather than kept.
	 */
	public WebElement tasklistCard(String taskId) {
		By card = By.xpath("//section[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
				+ "[.//h4//a[contains(@href,'" + taskId + "')]]");
		return waitUntil(d -> {
			List<WebElement> found = d.findElements(card);
			return found.isEmpty() || found.get(0).findElements(By.cssSelector(".renewal-remaining")).isEmpty() ? null
					: found.get(0);
		});
	}

	/**
	 * Waits until {@code element} has left the page (the page was replaced or the node
	 * removed). Chromium reports a node of a document being swapped out either as stale
	 * or, between documents, as an inspector error that the node "does not belong to the
	 * document"; both mean it is gone.
	 */
	public void waitUntilGone(WebElement element) {
		waitUntil(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (WebDriverException e) {
				if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
	}

	/** The HTTP status of the document currently shown (Navigation Timing Level 2). */
	public long documentStatus() {
		Object status = driver.executeScript(
				"const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : -1;");
		return ((Number) status).longValue();
	}

	/** Saves what the browser shows as target/screenshots/name.png. */
	public Path screenshot(String name) {
		File png = driver.getScreenshotAs(OutputType.FILE);
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			png.delete();
		}
	}

	/**
	 * Sets the value of a form control through JavaScript and fires {@code input} and
	 * {@code change}, as typing would. Meant for controls whose typing order depends on
	 * the browser's locale, such as {@code input[type=date]} (value in ISO form,
	 * yyyy-MM-dd).
	 */
	public WebElement setValue(By locator, String value) {
		WebElement element = waitFor(locator);
		driver.executeScript("const e = arguments[0]; e.value = arguments[1];"
				+ " e.dispatchEvent(new Event('input', {bubbles: true}));"
				+ " e.dispatchEvent(new Event('change', {bubbles: true}));", element, value);
		return element;
	}

	/**
	 * Saves the whole page, not only the window's viewport, as
	 * target/screenshots/name.png (Chromium's DevTools capture beyond the viewport).
	 */
	public Path fullPageScreenshot(String name) {
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.getOrDefault("cssContentSize",
				metrics.get("contentSize"));
		double width = ((Number) size.get("width")).doubleValue();
		double height = ((Number) size.get("height")).doubleValue();
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the current DOM as target/page-sources/name.html, for finding selectors and
	 * diagnosing failures.
	 */
	public Path savePageSource(String name) {
		try {
			Files.createDirectories(PAGE_SOURCES);
			Path target = PAGE_SOURCES.resolve(name + ".html");
			Files.writeString(target, driver.getPageSource(), StandardCharsets.UTF_8);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Leaves the browser as the next test class expects it (see {@link #start}); one that
	 * does not answer any more is quit.
	 */
	@Override
	public void close() {
		synchronized (Browser.class) {
			if (shared != null && shared.driver() == driver && !reset(driver)) {
				quit(shared);
				shared = null;
			}
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover profile in the temp directory is harmless.
		}
	}

}
