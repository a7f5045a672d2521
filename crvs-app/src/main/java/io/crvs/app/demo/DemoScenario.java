package io.crvs.app.demo;

import static io.crvs.app.demo.CrvsSimulator.item;
import static io.crvs.app.demo.CrvsSimulator.person;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crvs.app.CrvsApplication;
import io.crvs.app.Components;
import io.crvs.core.domain.CivilStatus;
import io.crvs.core.domain.EventFilter;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.PageRequest;
import io.crvs.core.domain.PersonName;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.Sender;
import io.crvs.core.domain.SignatureProfile;
import io.crvs.core.domain.VitalEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo: registers a stand-in CRVS as a sender, seeds registry persons, then sends real signed notifies over
 * HTTP to the running receiver (a birth, a death, a marriage of two spouses, a divorce, a death that arrives
 * before its person exists, a duplicate delivery and a forged one) and waits until everything is processed.
 */
public final class DemoScenario {

    /** One HTTP delivery and its answer. */
    public record Delivery(String what, int status, String answer) {
    }

    /** A person before and after. */
    public record PersonChange(String label, RegistryPerson before, RegistryPerson after) {
    }

    /** Everything the demo did and saw. */
    public record Result(List<Delivery> deliveries, List<VitalEvent> events, List<PersonChange> persons,
                         boolean settled) {
    }

    private final CrvsApplication app;
    private final Duration timeout;

    public DemoScenario(CrvsApplication app, Duration timeout) {
        this.app = app;
        this.timeout = timeout;
    }

    public Result run() {
        return run(false);
    }

    /**
     * @param keepCrvsOnline whether the stand-in CRVS keeps publishing its keys after the run (until the JVM
     *                       exits), so that a demo kept running can fetch them again from the console
     */
    public Result run(boolean keepCrvsOnline) {
        Components c = app.components();
        CrvsSimulator crvs = new CrvsSimulator();
        try {
            c.senders().save(Sender.register(CrvsSimulator.SENDER_ID, "Demo CRVS", crvs.jwksUrl(),
                    SignatureProfile.DCI_CAVAGE_ED25519, Set.of()));
            Map<String, RegistryPerson> before = new LinkedHashMap<>();
            before.put("Nova (newborn, UIN U-1001)", add(c, "Nova", "Testfamily", null, "U-1001"));
            before.put("Orin (UIN U-1002)", add(c, "Orin", "Placeholder", LocalDate.of(1941, 7, 1), "U-1002"));
            before.put("Ada (bride, UIN U-1003)", add(c, "Ada", "Examplar", LocalDate.of(1996, 4, 2), "U-1003"));
            before.put("Ben (groom, UIN U-1004)", add(c, "Ben", "Dummyson", LocalDate.of(1994, 11, 20), "U-1004"));
            RegistryPerson cleo = add(c, "Cleo", "Specimen", LocalDate.of(1990, 1, 5), "U-1005");
            cleo = c.partners().update(cleo.withCivilStatus(CivilStatus.MARRIED, LocalDate.of(2019, 6, 15))
                    .withIdentifier(Identifier.of("MRN", "M-2019-0004411")));
            before.put("Cleo (divorcing, UIN U-1005)", cleo);

            URI notify = URI.create("http://127.0.0.1:" + app.port() + "/registry/notify");
            List<Delivery> deliveries = new ArrayList<>();
            Instant now = Instant.now();
            byte[] birth = crvs.notify(id(), now, item("spdci-common:RegistryEventType:LiveBirth",
                    person("Nova", "Testfamily", "UIN", "U-1001", "BRN", "B-2025-0000123")
                            .put("birth_date", "2025-03-10T06:15:00+00:00").put("sex", "female")));
            deliveries.add(send(crvs, notify, "birth of Nova", birth));
            deliveries.add(send(crvs, notify, "death of Orin", crvs.notify(id(), now, item("death",
                    person("Orin", "Placeholder", "UIN", "U-1002", "DRN", "D-2025-0000042")
                            .put("death_date", "2025-03-12T22:40:00-05:00")))));
            ObjectNode bride = person("Ada", "Examplar", "UIN", "U-1003", "MRN", "M-2025-0000009");
            bride.putArray("marriage_date").add("2025-03-08T00:00:00+00:00");
            ObjectNode groom = person("Ben", "Dummyson", "UIN", "U-1004", "MRN", "M-2025-0000009");
            groom.putArray("marriage_date").add("2025-03-08T00:00:00+00:00");
            deliveries.add(send(crvs, notify, "marriage of Ada and Ben (2 items)", crvs.notify(id(), now,
                    item("Marriage", bride), item("Marriage", groom))));
            deliveries.add(send(crvs, notify, "divorce of Cleo", crvs.notify(id(), now, item("DIVORCE",
                    person("Cleo", "Specimen", "UIN", "U-1005", "MRN", "M-2019-0004411")
                            .put("divorce_date", "2025-03-01")))));
            deliveries.add(send(crvs, notify, "death of Iris, not yet in the registry", crvs.notify(id(), now,
                    item("death", person("Iris", "Latecomer", "UIN", "U-1006", "DRN", "D-2025-0000077")
                            .put("death_date", "2025-03-20")))));
            deliveries.add(send(crvs, notify, "birth of Nova again (duplicate delivery)", birth));
            String forged = new String(crvs.notify(id(), now, item("death", person("Nova", "Testfamily",
                    "UIN", "U-1001", "DRN", "D-9"))), StandardCharsets.UTF_8).replace("U-1001", "U-1003");
            deliveries.add(send(crvs, notify, "forged death (signature does not match)",
                    forged.getBytes(StandardCharsets.UTF_8)));

            // Iris arrives in the registry only after her death was received: the event lands on a retry.
            waitUntil(() -> hasNoMatchError(c));
            RegistryPerson iris = add(c, "Iris", "Latecomer", LocalDate.of(1950, 2, 2), "U-1006");
            before.put("Iris (registered late, UIN U-1006)", iris);
            boolean settled = waitUntil(() -> pending(c) == 0);

            List<PersonChange> persons = new ArrayList<>();
            before.forEach((label, p) -> persons.add(new PersonChange(label, p,
                    c.partners().find(p.id()).orElseThrow())));
            List<VitalEvent> events = new ArrayList<>(c.events().list(EventFilter.all()
                    .withSender(CrvsSimulator.SENDER_ID), PageRequest.first(100)).items());
            java.util.Collections.reverse(events);
            return new Result(deliveries, events, persons, settled);
        } finally {
            if (!keepCrvsOnline) {
                crvs.close();
            }
        }
    }

    private static RegistryPerson add(Components c, String given, String surname, LocalDate birth, String uin) {
        return c.partners().add(RegistryPerson.newPerson(PersonName.of(given, surname), birth,
                List.of(Identifier.of("UIN", uin))));
    }

    private static Delivery send(CrvsSimulator crvs, URI url, String what, byte[] body) {
        HttpResponse<String> r = crvs.post(url, body);
        return new Delivery(what, r.statusCode(), r.body());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static boolean hasNoMatchError(Components c) {
        return c.events().list(EventFilter.all().withSender(CrvsSimulator.SENDER_ID).withState(EventState.ERROR),
                PageRequest.first(10)).items().stream().anyMatch(e -> e.lastError() != null
                && "no_match".equals(e.lastError().code()));
    }

    /** Events not yet settled (received, processing, or in error with an automatic retry due), in one query. */
    private static long pending(Components c) {
        return c.events().list(EventFilter.all().withSender(CrvsSimulator.SENDER_ID), PageRequest.first(1000))
                .items().stream().filter(e -> e.state() == EventState.RECEIVED || e.state() == EventState.PROCESSING
                        || e.state() == EventState.ERROR && e.nextAttemptAt() != null).count();
    }

    private boolean waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
