package io.crvs.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crvs.app.Components;
import io.crvs.app.config.ConfigLoader;
import io.crvs.app.config.Setting;
import io.crvs.core.domain.EventError;
import io.crvs.core.domain.EventId;
import io.crvs.core.domain.EventState;
import io.crvs.core.domain.StoreResult;
import io.crvs.core.domain.VitalEvent;
import io.crvs.core.testing.TestEvents;
import io.crvs.http.admin.ApiTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's database commands against a real embedded PostgreSQL, as an operator would use them. */
class OfflineCommandsTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.resolve("pg").toString();
        CommandLine cl = CrvsCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void operatorWorkflow() {
        Run migrate = run("db", "migrate");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("schema up to date");

        Run add = run("senders", "add", "--id", "crvs.example.gov", "--name", "National CRVS", "--jwks-url",
                "https://crvs.example.gov/.well-known/jwks.json", "--profile", "jws-compact", "--alg", "RS256,ES256");
        assertThat(add.code()).as(add.err()).isZero();
        Run again = run("senders", "add", "--id", "crvs.example.gov", "--profile", "none");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        Run badProfile = run("senders", "add", "--id", "other", "--jwks-url", "https://x", "--profile", "hmac");
        assertThat(badProfile.code()).isEqualTo(2);
        assertThat(badProfile.err()).contains("unknown signature profile");
        assertThat(run("senders", "list").out()).contains("crvs.example.gov", "jws-compact");
        assertThat(run("senders", "show", "crvs.example.gov").out()).contains("ES256,RS256").contains("never");
        assertThat(run("senders", "deactivate", "crvs.example.gov").code()).isZero();
        assertThat(run("senders", "show", "crvs.example.gov").out()).contains("active:       false");
        Run missing = run("senders", "show", "nobody");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no sender nobody");

        Run user = run("users", "add", "alice", "--role", "admin");
        assertThat(user.code()).as(user.err()).isZero();
        String token = user.out().lines().filter(l -> l.startsWith(ApiTokens.PREFIX)).findFirst().orElseThrow();
        assertThat(run("users", "list").out()).contains("alice").contains("admin").doesNotContain(token)
                .doesNotContain(ApiTokens.hash(token));
        assertThat(run("users", "add", "bob", "--role", "root").code()).isEqualTo(2);
        assertThat(run("users", "deactivate", "alice").code()).isZero();
        assertThat(run("users", "list").out()).containsPattern("alice\\s+admin\\s+false");
        assertThat(run("users", "deactivate", "nobody").err()).contains("no user nobody");

        Run person = run("persons", "add", "--given-name", "Orin", "--surname", "Placeholder", "--birth-date",
                "1941-07-01", "--id", "UIN:U-0000000777", "--id", "BRN:B-1941-0000777");
        assertThat(person.code()).as(person.err()).isZero();
        assertThat(run("persons", "add", "--id", "UIN:U-0000000777").err()).contains("already belongs");
        Path csv = dir.resolve("persons.csv");
        try {
            java.nio.file.Files.writeString(csv, "given_name,surname,birth_date,identifiers\n"
                    + "Ada,Examplar,1996-04-02,UIN:U-101;MRN:M-9\n"
                    + "Ben,Dummyson,2021-02-30,UIN:U-102\n"
                    + "Zoë,Ñúñez,,UIN:U-103\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Run imported = run("persons", "import", csv.toString());
        assertThat(imported.code()).isEqualTo(1);
        assertThat(imported.out()).contains("added 2 persons, skipped 1");
        assertThat(imported.err()).contains("line 3").contains("2021-02-30");
        assertThat(run("persons", "show", "UIN:U-103").out()).contains("Zoë Ñúñez");
        assertThat(run("persons", "show", "BRN:B-1941-0000777").out()).contains("1941-07-01")
                .contains("UIN:U-0000000777");
        assertThat(run("persons", "show", "UIN:U-102").code()).isEqualTo(1);

        EventId failed = seedFailedEvent();
        assertThat(run("events", "list", "--state", "error").out()).contains(failed.toString())
                .contains("ambiguous_match");
        assertThat(run("events", "show", failed.toString()).out()).contains("ambiguous_match")
                .contains("raw envelope:");
        assertThat(run("events", "note", failed.toString(), "called the district office", "--actor", "carol")
                .code()).isZero();
        Run retry = run("events", "retry", failed.toString(), "--reason", "duplicate person removed", "--actor",
                "carol");
        assertThat(retry.code()).as(retry.err()).isZero();
        Run shown = run("events", "show", failed.toString());
        assertThat(shown.out()).contains("state:         received").contains("carol: called the district office")
                .contains("retry error->received by carol (duplicate person removed)");
        Run notInError = run("events", "retry", failed.toString(), "--reason", "again");
        assertThat(notInError.code()).isEqualTo(1);
        assertThat(run("events", "show", "999999").err()).contains("no event 999999");
        assertThat(run("events", "list", "--state", "done").code()).isEqualTo(2);
        assertThat(run("events", "list", "--identifier", "UIN").code()).isEqualTo(2);
    }

    private EventId seedFailedEvent() {
        var config = ConfigLoader.load(null, Map.of(), Map.of(Setting.DB_DATA_DIR, dir.resolve("pg").toString()));
        try (Components c = Components.open(config, InstantSource.system())) {
            Instant now = Instant.now();
            StoreResult.Stored stored = (StoreResult.Stored) c.events().store(TestEvents.message("crvs.example.gov",
                    now), List.of(TestEvents.death().withIdentifier("UIN", "U-1").build()));
            VitalEvent claimed = c.events().claimDue(1000, Duration.ofMinutes(1), now).stream()
                    .filter(e -> e.id().equals(stored.events().get(0).eventId())).findFirst().orElseThrow();
            c.events().fail(claimed.lease(), new EventError("ambiguous_match", "2 registry persons match"), null,
                    null, now);
            assertThat(c.events().find(claimed.id()).orElseThrow().state()).isEqualTo(EventState.ERROR);
            return claimed.id();
        }
    }
}
