package io.crvs.app.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver for the browser tests (packages {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs when missing). Other locations can be given with the
 * system properties {@code crvs.chromium} and {@code crvs.chromedriver}. Nothing is ever downloaded: the driver
 * is started from its path, so Selenium Manager is not used.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("crvs.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("crvs.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or {@code null} when Chromium and its driver are installed. */
    static String missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BROWSER)) {
            missing.add("the browser " + BROWSER);
        }
        if (!Files.isExecutable(DRIVER)) {
            missing.add("its driver " + DRIVER);
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "The console's browser tests need Chromium, but " + String.join(" and ", missing)
                + " cannot be found. Install them with: apt-get install -y chromium chromium-driver"
                + " (.ci/run does this), or point -Dcrvs.chromium and -Dcrvs.chromedriver at them.";
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the test class, with the reason, when Chromium is missing outside CI. In CI ({@code CI=true}) the
     * class runs, and {@link #requireInstalled()} fails it.
     */
    static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = missing();
            if (reason == null || inCi()) {
                return ConditionEvaluationResult.enabled("Chromium is installed, or this is CI");
            }
            System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + reason
                    + " (CI is not set; in CI this is a failure)");
            return ConditionEvaluationResult.disabled(reason + " Skipped because CI is not set.");
        }
    }

    /** Fails the test class when Chromium or its driver is missing (in CI; elsewhere {@link Required} skips it). */
    static void requireInstalled() {
        String reason = missing();
        if (reason != null) {
            Assertions.fail(reason);
        }
    }

    /** A headless Chromium as root on a closed network, with a fresh profile in {@code profileDir}. */
    static ChromeDriver start(Path profileDir, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
