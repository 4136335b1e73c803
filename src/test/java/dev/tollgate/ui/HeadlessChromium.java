package dev.tollgate.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.WebDriverRunner;

/**
 * The browser of browser tests: Debian's Chromium and chromedriver, headless, with a fresh
 * profile, handed to Selenide and shared by the tests of a class. Nothing is downloaded: the
 * driver and the browser are named explicitly, so Selenium Manager has nothing to look up.
 * Register it on a test class:
 * {@code @RegisterExtension static final HeadlessChromium chromium = new HeadlessChromium();}
 *
 * <p>Without Chromium the tests are skipped with the command that installs it, except on CI
 * ({@code CI=true}), where a skipped browser test would hide that nothing was tested: there they fail.
 *
 * <p>After each test it asserts that the browser refused nothing under the Content-Security-Policy.
 */
final class HeadlessChromium implements TestInstancePreConstructCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "Chromium not found; install with: sudo apt-get install chromium chromium-driver";

    /** Vaadin's first render in a fresh JVM can take a few seconds; Selenide's default is 4. */
    private static final long TIMEOUT_MILLIS = 15_000;

    private WebDriver driver;
    private Path profile;

    /**
     * Checked before each test class instance is made, so that a skipped test is reported as
     * skipped, with the reason, and no Spring context is started for it.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(MISSING + " (CI=true: browser tests must run, not be skipped)");
            }
            Assumptions.abort(MISSING);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            return;
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("tollgate-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        // The console, where Chromium reports what the Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        Configuration.timeout = TIMEOUT_MILLIS;
        Configuration.reportsFolder = "target/selenide-reports";
        WebDriverRunner.setWebDriver(driver);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            JourneySteps.assertNoContentSecurityPolicyViolations();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                deleteRecursively(profile);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
