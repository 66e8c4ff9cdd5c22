package com.buildnest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver, for end-to-end tests of the pages (see
 * docs/storefront.md). Explicit binary and driver paths, so Selenium Manager never runs; the
 * network flags keep Chromium from calling out of this closed machine. Each instance is one
 * browser with a fresh profile (so fresh cookies); close it after the test.
 *
 * <p>Screenshots are saved under {@code docs/screenshots/} only when the test runs with
 * {@code -Dscreenshots=true} ({@code ops/storefront/screenshots.sh}).
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    public Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("buildnest-chromium");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=en-IN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Opens a page of the app, such as {@code "/search?q=cement"}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /**
     * Signs in on the storefront's sign-in page and waits to land on {@code next}, where the form
     * sends one after signing in (a back-office page, say).
     */
    public Browser signIn(String username, String password, String next) {
        open("/signin?next=" + next).type("#username", username).type("#password", password)
                .click("main form button[type=submit]");
        waitForPath(next);
        return this;
    }

    public WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /**
     * Clicks the first button or link, in page order, whose text contains {@code text}. The header
     * comes first: to submit a form whose button repeats a header link ("Sign in"), click
     * {@code "main form button[type=submit]"} instead.
     */
    public Browser press(String text) {
        waitFor().until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//button[contains(normalize-space(.), '" + text + "')] | //a[contains(normalize-space(.), '" + text
                        + "')]")))
                .click();
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains {@code expected}, and returns the text. */
    public String waitForText(String css, String expected) {
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
        return text(css);
    }

    /** Waits until the element's text is no longer {@code old} (an htmx swap, say), and returns it. */
    public String waitForChange(String css, String old) {
        waitFor().until(page -> !page.findElement(By.cssSelector(css)).getText().equals(old));
        return text(css);
    }

    /** Waits until the browser is on a path starting with {@code prefix} (after a redirect, say); returns it. */
    public String waitForPath(String prefix) {
        waitFor().until(page -> path().startsWith(prefix));
        return path();
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's cookies as {@code name=value; …}, to fetch a download with the same session. */
    public String cookieHeader() {
        return String.join("; ", driver.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Sizes the window as a phone (390 × 844) or a desktop. */
    public Browser phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        return this;
    }

    public Browser desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        return this;
    }

    /** Saves a screenshot as {@code docs/screenshots/<name>.png}, when screenshots are asked for. */
    public Browser screenshot(String name) {
        if (Boolean.getBoolean("screenshots")) {
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
        return this;
    }

    public TakesScreenshot camera() {
        return driver;
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Waits up to 15 s; an element replaced mid-check (an htmx swap) is simply looked up again. */
    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
