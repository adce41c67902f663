package com.terminalacc.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driven through WebDriver. Without
 * them installed the browser tests are skipped with a hint — unless {@code TERMINAL_REQUIRE_BROWSER=true} (CI), then
 * they fail.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEWEBDRIVER", "/usr/bin/chromedriver");

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static Browser open(String language) {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("TERMINAL_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium is required: apt-get install chromium chromium-driver");
        }
        assumeTrue(installed, "Browser tests skipped: install Debian's chromium and chromium-driver to run them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new Browser(driver);
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /** Signs in on the Terminal login: one page with e-mail and password (the realm's browser flow "terminal browser"). */
    public Browser login(String email, String password) {
        if (!has("#username") || !has("#password")) {
            throw new AssertionError("No one-page login form (e-mail and password) at " + url() + ":\n" + text());
        }
        type("#username", email);
        type("#password", password);
        click("#kc-login");
        return this;
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks a link or button by its visible text. */
    public Browser clickText(String text) {
        WebElement e = driver.findElements(By.xpath("//a[normalize-space()=" + quote(text) + "] | //button[normalize-space()=" + quote(text) + "]"))
                .stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("No visible link or button '" + text + "' on " + driver.getCurrentUrl() + ":\n" + text()));
        e.click();
        return this;
    }

    /**
     * Submits a form by clicking its (first) submit button, as a person would, and waits for the next page.
     */
    public Browser submit(String formCss) {
        WebElement form = find(formCss);
        WebElement page = driver.findElement(By.tagName("html"));
        form.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        // Every form posts to the server and gets a new page. The click can return before the navigation has begun
        // (seen on a loaded machine: the next find() got the old page's element, which then went stale), so wait until
        // the old document is gone.
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(60))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The form " + formCss + " did not lead to a new page within 60 s (blocked by the browser's"
                    + " own validation?) on " + driver.getCurrentUrl() + ":\n" + text(), e);
        }
        return this;
    }

    public Browser check(String css) {
        WebElement e = find(css);
        if (!e.isSelected()) {
            e.click();
        }
        return this;
    }

    public Browser select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt > 20) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public String html() {
        return driver.getPageSource();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Shows a piece of HTML (an e-mail, say) from a temporary file, as a mail client would render it. */
    public Browser showHtml(String html) {
        try {
            Path file = Files.createTempFile("terminal-mail-", ".html");
            Files.writeString(file, html);
            file.toFile().deleteOnExit();
            driver.get(file.toUri().toString());
            return this;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs JavaScript in the page (the CSRF tests use it to post forms the way a forged cross-site post would). */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Saves the page as {@code docs/screenshots/<name>.png} (full page height), for the README. */
    public void screenshot(String name) {
        String dir = System.getProperty("terminal.it.screenshots");
        if (dir == null) {
            return;
        }
        try {
            Dimension before = driver.manage().window().getSize();
            Number height = (Number) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(3000, Math.max(before.getHeight(), height.intValue() + 40))));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of(dir, name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(before);
        } catch (Exception e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    /** axe-core on the current page: fails on any serious or critical WCAG 2.1 A/AA violation ({@link Accessibility}). */
    public Browser assertAccessible(String page) {
        Accessibility.assertNoSeriousViolations(driver, page);
        return this;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String quote(String s) {
        return s.contains("'") ? "concat('" + s.replace("'", "', \"'\", '") + "')" : "'" + s + "'";
    }
}
