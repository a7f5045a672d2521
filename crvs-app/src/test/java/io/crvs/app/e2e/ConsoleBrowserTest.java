package io.crvs.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.app.CrvsApplication;
import io.crvs.app.config.Setting;
import io.crvs.app.demo.DemoScenario;
import io.crvs.core.domain.ApiUser;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Role;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import io.crvs.http.admin.ApiTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real headless Chromium against the real application (HTTP server, admin API, workers,
 * embedded PostgreSQL in a temporary folder). Seeded with the demo run, whose late death is left in error (no
 * automatic retry of a missing person here), and a second "district" CRVS whose two deaths are in error too; one
 * of their persons is registered afterwards. Each test checks what the browser shows and what the database holds.
 * Screenshots of the main pages go to {@code target/console-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.Required.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String DEMO_SENDER = "crvs.demo.example";
    private static final String ONBOARDING = "crvs.onboarding.example";

    @TempDir
    static Path dir;

    private CrvsApplication app;
    private DistrictCrvs district;
    /** A sender being onboarded: registered, never heard from, keys never fetched. */
    private DistrictCrvs onboarding;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;
    private final String adminToken = ApiTokens.generate();
    private final String userToken = ApiTokens.generate();
    private VitalEvent lateDeath;

    @BeforeAll
    void start() throws Exception {
        Chromium.requireInstalled();
        app = CrvsApplication.start(AppFixture.config(dir.resolve("pg"), 2,
                Map.of(Setting.RETRY_NO_MATCH_WINDOW, "PT0S")), InstantSource.system());
        DemoScenario.Result demo = new DemoScenario(app, Duration.ofSeconds(60)).run();
        assertThat(demo.settled()).isTrue();
        lateDeath = demo.events().stream().filter(e -> e.identifiers().contains(Identifier.of("UIN", "U-1006")))
                .findFirst().orElseThrow();
        assertThat(lateDeath.state()).as("left for an operator").isEqualTo(EventState.ERROR);
        assertThat(lateDeath.lastError().code()).isEqualTo("no_match");

        var c = app.components();
        c.users().save(new ApiUser("ada.admin", Role.ADMIN, ApiTokens.hash(adminToken), Instant.now(), true));
        c.users().save(new ApiUser("uma.user", Role.USER, ApiTokens.hash(userToken), Instant.now(), true));

        district = new DistrictCrvs(DistrictCrvs.SENDER_ID);
        c.senders().save(Sender.register(DistrictCrvs.SENDER_ID, "District CRVS", district.jwksUrl(),
                SignatureProfile.DCI_CAVAGE_ED25519, Set.of()));
        onboarding = new DistrictCrvs(ONBOARDING);
        c.senders().save(Sender.register(ONBOARDING, "Onboarding CRVS", onboarding.jwksUrl(),
                SignatureProfile.DCI_CAVAGE_ED25519, Set.of()));
        URI notify = URI.create("http://127.0.0.1:" + app.port() + "/registry/notify");
        assertThat(district.sendDeath(notify, "U-2001", "2026-02-01")).isEqualTo(202);
        assertThat(district.sendDeath(notify, "U-2002", "2026-02-02")).isEqualTo(202);
        assertThat(AppFixture.eventually(() -> districtEvents().stream()
                .filter(e -> e.state() == EventState.ERROR).count() == 2)).isTrue();
        c.partners().add(RegistryPerson.newPerson(PersonName.of("Dara", "District"), LocalDate.of(1950, 5, 5),
                List.of(Identifier.of("UIN", "U-2001"))));

        base = "http://127.0.0.1:" + app.port();
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(dir.resolve("chromium-profile"), 1280, 1000);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (district != null) {
            district.close();
        }
        if (onboarding != null) {
            onboarding.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** No script error and nothing blocked by the Content-Security-Policy on any page a test visited. */
    @AfterEach
    void noScriptErrors() {
        if (browser == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get("browser")) {
            String text = entry.getMessage();
            if (text.contains("Content Security Policy") || text.contains("Uncaught") || text.contains("SyntaxError")
                    || text.contains("TypeError") || text.contains("ReferenceError")) {
                problems.add(text);
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- the tests ------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void signIn_refusesAWrongTokenInPlainWords_thenShowsTheDashboardOfTheRun() throws IOException {
        signOutIfSignedIn();
        browser.findElement(By.id("token")).sendKeys("not-a-real-token");
        browser.findElement(By.id("signin")).click();
        waitForText(By.id("signin-message"), "This token was not accepted");

        signIn(adminToken, "ada.admin (admin)");
        go("#/dashboard", "Dashboard");

        long inError = count(EventFilter.all().withState(EventState.ERROR));
        assertThat(inError).as("the demo's late death and the two district deaths").isEqualTo(3);
        assertThat(browser.findElement(By.cssSelector("[data-count=error] .count-number")).getText())
                .isEqualTo(Long.toString(inError));
        assertThat(browser.findElement(By.cssSelector("[data-count=processed] .count-number")).getText())
                .isEqualTo(Long.toString(count(EventFilter.all().withState(EventState.PROCESSED))));
        assertThat(browser.findElement(By.id("recent")).getText()).contains("8 events received in the last 24 hours")
                .contains(inError + " of them are in error");
        String senders = browser.findElement(By.id("sender-health")).getText();
        assertThat(senders).contains("Onboarding CRVS (" + ONBOARDING + ")").contains("Not fetched yet")
                .contains("District CRVS (" + DistrictCrvs.SENDER_ID + ")").contains("Keys OK")
                .contains("Demo CRVS (" + DEMO_SENDER + ")");
        assertEveryControlLabelled();
        screenshot("dashboard");
    }

    @Test
    @Order(2)
    void events_ofTheSeededRun_areListed_andFilteredBySender() throws IOException {
        signIn(adminToken, "ada.admin (admin)");
        go("#/events", "Events");

        waitForText(By.id("result-summary"), "Showing events 1–8 of 8");
        String table = browser.findElement(By.id("events-table")).getText();
        assertThat(table).contains("Birth").contains("Death").contains("Marriage").contains("Divorce")
                .contains("UIN U-1001").contains("No matching person").contains("Applied");
        screenshot("events");

        new Select(browser.findElement(By.id("filter-sender"))).selectByValue(DEMO_SENDER);
        browser.findElement(By.id("apply-filters")).click();
        waitForText(By.id("result-summary"), "Showing events 1–6 of 6");
        assertThat(browser.getCurrentUrl()).contains("sender=" + DEMO_SENDER);
        assertThat(rowsOf("events-table")).isEqualTo(6);
        assertEveryControlLabelled();
    }

    @Test
    @Order(6)
    void anEventInError_rawData_note_retry_isProcessed() throws IOException {
        signIn(adminToken, "ada.admin (admin)");
        go("#/events?state=error&sender=" + DEMO_SENDER, "Events");
        waitForText(By.id("result-summary"), "Showing events 1–1 of 1");
        browser.findElement(By.cssSelector("[data-event-id='" + lateDeath.id().value() + "']")).click();
        waitForTitle("Event #" + lateDeath.id().value() + ": Death");

        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertThat(problem.getText()).contains("No one in the registry has any of this event’s identifiers");
        assertThat(browser.findElement(By.id("event-summary")).getText()).contains("UIN U-1006")
                .contains("DRN D-2025-0000077").contains("None – it waits for someone to press Retry");
        screenshot("event-summary");

        // Raw Data, reached with the keyboard: arrow right from the selected tab
        browser.findElement(By.cssSelector("[role=tab][data-tab=summary]")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.findElement(By.cssSelector("[role=tab][data-tab=raw]")).getAttribute("aria-selected"))
                .isEqualTo("true");
        WebElement raw = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raw-envelope")));
        byte[] stored = app.components().events().findMessage(DEMO_SENDER, lateDeath.messageId()).orElseThrow()
                .rawBody();
        String shown = raw.getText();
        assertThat(shown).contains("\"sender_id\": \"" + DEMO_SENDER + "\"").contains("D-2025-0000077");
        assertThat(shown.lines().count()).as("pretty-printed").isGreaterThan(20);
        assertThat(withoutWhitespace(shown)).as("the stored envelope, only re-indented")
                .isEqualTo(withoutWhitespace(new String(stored, StandardCharsets.UTF_8)));
        screenshot("event-raw-data");
        Object reindented = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('./js/ui.js').then(m => done(m.prettyJson(arguments[0])), e => done('failed ' + e));",
                "{\"a\":1.10,\"b\":[ ],\"c\":\"x\\\"y, {z}: [w]\",\"d\":{\"e\":-0.5e+3}}");
        assertThat(reindented).as("numbers, strings and empty containers kept as sent").isEqualTo(
                "{\n  \"a\": 1.10,\n  \"b\": [],\n  \"c\": \"x\\\"y, {z}: [w]\",\n  \"d\": {\n    \"e\": -0.5e+3\n  }\n}");

        // Notes: add one
        browser.findElement(By.cssSelector("[role=tab][data-tab=notes]")).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-text")));
        note.sendKeys("Called the district office: Iris was registered on 2 March.");
        browser.findElement(By.id("add-note")).click();
        waitForText(By.id("notes-list"), "Called the district office: Iris was registered on 2 March.");
        assertThat(browser.findElement(By.id("notes-list")).getText()).contains("ada.admin");
        assertThat(browser.findElement(By.cssSelector("[role=tab][data-tab=notes]")).getText()).isEqualTo("Notes (1)");
        assertThat(event(lateDeath).notes()).singleElement().satisfies(n -> {
            assertThat(n.author()).isEqualTo("ada.admin");
            assertThat(n.text()).isEqualTo("Called the district office: Iris was registered on 2 March.");
        });

        // Retry, confirmed with a reason, and watch it being processed
        browser.findElement(By.id("retry-event")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(dialog.getText()).contains("Retry event #" + lateDeath.id().value() + "?");
        dialog.findElement(By.tagName("input")).sendKeys("Iris is in the registry now");
        dialog.findElement(By.cssSelector("[data-action=confirm]")).click();
        waitForText(By.id("event-message"), "was processed");
        assertThat(browser.findElement(By.cssSelector("#main .lead [data-state]")).getAttribute("data-state"))
                .isEqualTo("processed");
        assertThat(browser.findElements(By.id("retry-event"))).as("nothing left to retry").isEmpty();
        assertThat(event(lateDeath).state()).isEqualTo(EventState.PROCESSED);
        assertThat(app.components().partners().findByIdentifier(Identifier.of("UIN", "U-1006")))
                .singleElement().satisfies(p -> assertThat(p.deceased()).isTrue());

        browser.findElement(By.cssSelector("[role=tab][data-tab=history]")).click();
        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-table")));
        assertThat(history.getText()).contains("Retried").contains("ada.admin").contains("Iris is in the registry now")
                .contains("Note added").contains("Processed");
        screenshot("event-history");
    }

    @Test
    @Order(7)
    void retryAllErrorsMatchingAFilter_asksFirst_thenRetriesExactlyThose() throws IOException {
        signIn(adminToken, "ada.admin (admin)");
        go("#/events?sender=" + DistrictCrvs.SENDER_ID, "Events");
        waitForText(By.id("result-summary"), "Showing events 1–2 of 2");

        browser.findElement(By.id("retry-matching")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        assertThat(dialog.getText()).contains("Retry 2 events in error?");
        screenshot("events-retry-confirmation");
        dialog.findElement(By.cssSelector("[data-action=cancel]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog"), 0));
        assertThat(districtEvents()).allSatisfy(e -> assertThat(e.state()).isEqualTo(EventState.ERROR));

        browser.findElement(By.id("retry-matching")).click();
        dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog[open]")));
        dialog.findElement(By.tagName("input")).sendKeys("district persons registered");
        dialog.findElement(By.cssSelector("[data-action=confirm]")).click();
        waitForText(By.id("flash"), "2 events were retried");
        waitForText(By.id("events-table"), "Processed");

        List<VitalEvent> after = districtEvents();
        assertThat(after).filteredOn(e -> e.identifiers().contains(Identifier.of("UIN", "U-2001")))
                .singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(EventState.PROCESSED));
        assertThat(after).filteredOn(e -> e.identifiers().contains(Identifier.of("UIN", "U-2002")))
                .singleElement().satisfies(e -> assertThat(e.state()).isEqualTo(EventState.ERROR));
        for (VitalEvent e : after) {
            assertThat(app.components().events().history(e.id())).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo("retry");
                assertThat(a.actor()).isEqualTo("ada.admin");
                assertThat(a.reason()).isEqualTo("district persons registered");
            });
        }
        assertThat(event(lateDeath).history()).as("other senders' events untouched")
                .noneMatch(a -> "district persons registered".equals(a.reason()));
    }

    @Test
    @Order(4)
    void fetchPublicKey_ofASenderBeingOnboarded_showsTheFetchedKey_andStoresIt() throws IOException {
        signIn(adminToken, "ada.admin (admin)");
        go("#/senders", "Senders");
        assertThat(browser.findElement(By.id("senders-table")).getText()).contains(DEMO_SENDER)
                .contains(DistrictCrvs.SENDER_ID).contains(ONBOARDING);
        screenshot("senders");
        browser.findElement(By.cssSelector("[data-sender='" + ONBOARDING + "']")).click();
        waitForTitle("Sender: Onboarding CRVS (" + ONBOARDING + ")");
        assertThat(browser.findElements(By.id("delete-sender"))).as("an admin may delete").hasSize(1);
        assertThat(browser.findElements(By.id("save-sender"))).as("an admin may edit").hasSize(1);
        screenshot("sender-details");

        browser.findElement(By.cssSelector("[role=tab][data-tab=keys]")).click();
        waitForText(By.id("stored-keys"), "No keys are stored yet.");
        browser.findElement(By.id("fetch-keys")).click();
        waitForText(By.id("fetch-result"), "Fetched 1 usable key from " + onboarding.jwksUrl());
        assertThat(browser.findElement(By.id("fetch-result")).getText()).contains(onboarding.kid());
        WebElement keys = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keys-table")));
        assertThat(keys.getText()).contains(onboarding.kid()).contains("OKP").contains("EdDSA");
        Sender stored = app.components().senders().find(ONBOARDING).orElseThrow();
        assertThat(stored.keys()).isNotNull();
        assertThat(stored.keys().jwksJson()).contains(onboarding.kid());
        assertThat(stored.lastKeyFetchError()).isNull();
        waitForText(By.id("sender-key-health"), "Keys OK");
        screenshot("sender-public-key");
    }

    @Test
    @Order(5)
    void apiErrors_areShownInPlainWords() {
        signIn(adminToken, "ada.admin (admin)");
        // the demo's stand-in CRVS stopped after its run: its keys cannot be fetched now
        go("#/senders/" + DEMO_SENDER + "?tab=keys", "Sender: Demo CRVS (" + DEMO_SENDER + ")");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("fetch-keys"))).click();
        waitForText(By.id("fetch-result"), "The public key could not be fetched:");
        assertThat(browser.findElement(By.id("fetch-result")).getText())
                .contains("The keys stored before (if any) are still used");
        assertThat(app.components().senders().find(DEMO_SENDER).orElseThrow().keys()).as("last good keys kept")
                .isNotNull();

        go("#/add-sender", "Add a sender");
        browser.findElement(By.id("sender-id")).sendKeys("crvs.typo.example");
        browser.findElement(By.id("sender-jwks-url")).sendKeys("ftp://crvs.typo.example/keys");
        browser.findElement(By.id("save-sender")).click();
        waitForText(By.id("sender-form-message"), "Please check “JWKS URL”");
        WebElement url = browser.findElement(By.id("sender-jwks-url"));
        assertThat(url.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("sender-jwks-url-error")).getText()).contains("http://");
        assertThat(app.components().senders().find("crvs.typo.example")).isEmpty();
    }

    @Test
    @Order(3)
    void persons_lookUpByIdentifier_showsThePersonAndTheirEvents() throws IOException {
        signIn(adminToken, "ada.admin (admin)");
        go("#/persons", "Persons");
        new Select(browser.findElement(By.id("person-id-type"))).selectByValue("UIN");
        browser.findElement(By.id("person-id-value")).sendKeys("U-1002");
        browser.findElement(By.id("person-lookup")).click();

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person")));
        RegistryPerson orin = app.components().partners().findByIdentifier(Identifier.of("UIN", "U-1002")).get(0);
        assertThat(card.getText()).contains("Orin Placeholder").contains("Yes, on 2025-03-12")
                .contains("DRN D-2025-0000042");
        VitalEvent death = app.components().events().list(EventFilter.all().withMatchedPerson(orin.id()),
                PageRequest.first(10)).items().get(0);
        assertThat(card.findElements(By.cssSelector("[data-event-id='" + death.id().value() + "']"))).hasSize(1);
        assertEveryControlLabelled();
        screenshot("persons");

        browser.findElement(By.id("person-id-value")).clear();
        browser.findElement(By.id("person-id-value")).sendKeys("U-4040");
        browser.findElement(By.id("person-lookup")).click();
        waitForText(By.id("person-results"), "No person in the registry has UIN U-4040");
    }

    @Test
    @Order(8)
    void aUser_seesNoSenderChangeControls_andTheApiRefusesTheDeleteAnyway() throws IOException {
        signIn(userToken, "uma.user (user)");
        go("#/senders", "Senders");
        assertThat(browser.findElements(By.id("add-sender"))).isEmpty();
        browser.findElement(By.cssSelector("[data-sender='" + DistrictCrvs.SENDER_ID + "']")).click();
        waitForTitle("Sender: District CRVS (" + DistrictCrvs.SENDER_ID + ")");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only-notice")));
        assertThat(browser.findElements(By.id("delete-sender"))).isEmpty();
        assertThat(browser.findElements(By.id("save-sender"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#main input, #main select, #main textarea"))).isEmpty();
        browser.findElement(By.cssSelector("[role=tab][data-tab=keys]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stored-keys")));
        assertThat(browser.findElements(By.id("fetch-keys"))).isEmpty();
        screenshot("sender-as-user");

        // the same call the admin's Delete button makes, sent with this user's token from the page
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/senders/' + encodeURIComponent(arguments[0]), {method: 'DELETE', headers: {"
                        + " Authorization: 'Bearer ' + sessionStorage.getItem('crvs-console-token')}})"
                        + ".then(r => r.json().then(b => done(r.status + ' ' + b.error.code)))"
                        + ".catch(e => done('failed ' + e));", DistrictCrvs.SENDER_ID);
        assertThat(answer).isEqualTo("403 forbidden");
        assertThat(app.components().senders().find(DistrictCrvs.SENDER_ID)).isPresent();

        // a user still works on events: the one left in error can be retried
        VitalEvent inError = districtEvents().stream().filter(e -> e.identifiers().contains(Identifier.of("UIN",
                "U-2002"))).findFirst().orElseThrow();
        assertThat(inError.state()).isEqualTo(EventState.ERROR);
        go("#/events/" + inError.id().value(), "Event #" + inError.id().value() + ": Death");
        assertThat(browser.findElements(By.id("retry-event"))).hasSize(1);

        // the user is deactivated while signed in: the next page says so and asks to sign in again
        app.components().users().save(new ApiUser("uma.user", Role.USER, ApiTokens.hash(userToken), Instant.now(),
                false));
        browser.findElement(By.cssSelector("#nav a[data-nav=dashboard]")).click();
        waitForText(By.id("signin-message"), "Your sign-in is no longer valid");
        assertThat(browser.findElement(By.id("whoami")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('crvs-console-token');")).as("the token is forgotten").isNull();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void open() {
        if (!browser.getCurrentUrl().startsWith(base + "/console/")) {
            browser.get(base + "/console/");
        }
    }

    private void signOutIfSignedIn() {
        open();
        wait.until(d -> !d.findElements(By.id("token")).isEmpty()
                || d.findElement(By.id("whoami")).isDisplayed());
        if (browser.findElement(By.id("whoami")).isDisplayed()) {
            browser.findElement(By.id("signout")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    /** Signs in with the token unless already signed in as {@code who} ("ada.admin (admin)"). */
    private void signIn(String token, String who) {
        open();
        wait.until(d -> !d.findElements(By.id("token")).isEmpty()
                || d.findElement(By.id("whoami")).isDisplayed());
        WebElement whoami = browser.findElement(By.id("whoami-text"));
        if (whoami.isDisplayed() && whoami.getText().endsWith(who)) {
            return;
        }
        signOutIfSignedIn();
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token, Keys.ENTER);
        waitForText(By.id("whoami-text"), "Signed in as " + who);
    }

    /** Goes to a console route and waits until its page has loaded. */
    private void go(String hash, String title) {
        browser.get(base + "/console/" + hash);
        waitForTitle(title);
    }

    private void waitForTitle(String title) {
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), title));
        wait.until(d -> d.findElements(By.cssSelector("#main .page-body > .message-progress")).isEmpty());
    }

    private void waitForText(By where, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private int rowsOf(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
    }

    /** Every visible form control has a label a screen reader can read. */
    private void assertEveryControlLabelled() {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input, select, textarea')]"
                        + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                        + ".map(e => e.id || e.name || e.outerHTML);");
        assertThat((List<?>) unlabelled).isEmpty();
    }

    /** Saves the whole page (the window grown to its height, up to a limit, then set back). */
    private void screenshot(String name) throws IOException {
        Dimension normal = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.documentElement.scrollHeight, window.innerHeight);");
        browser.manage().window().setSize(new Dimension(normal.getWidth(),
                (int) Math.min(2400, height + normal.getHeight() - innerHeight())));
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.manage().window().setSize(normal);
        }
    }

    private long innerHeight() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
    }

    private long count(EventFilter filter) {
        return app.components().events().list(filter, PageRequest.first(1)).total();
    }

    private List<VitalEvent> districtEvents() {
        return app.components().events().list(EventFilter.all().withSender(DistrictCrvs.SENDER_ID),
                PageRequest.first(10)).items();
    }

    private record Detail(EventState state, List<io.crvs.core.domain.Note> notes,
                          List<io.crvs.core.domain.AuditEntry> history) {
    }

    private Detail event(VitalEvent e) {
        VitalEvent now = app.components().events().find(e.id()).orElseThrow();
        return new Detail(now.state(), now.notes(), app.components().events().history(e.id()));
    }

    private static String withoutWhitespace(String text) {
        return text.chars().filter(ch -> !Character.isWhitespace(ch))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
