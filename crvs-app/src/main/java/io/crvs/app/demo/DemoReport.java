package io.crvs.app.demo;

import io.crvs.core.domain.Identifier;
import io.crvs.core.domain.RegistryPerson;
import io.crvs.core.domain.VitalEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the demo's result as plain text tables. */
public final class DemoReport {
    private DemoReport() {
    }

    public static void print(DemoScenario.Result r, PrintWriter out) {
        out.println();
        out.println("== Deliveries (CRVS -> POST /registry/notify)");
        for (DemoScenario.Delivery d : r.deliveries()) {
            out.printf("  %-45s HTTP %d  %s%n", d.what(), d.status(), summarise(d.answer()));
        }
        out.println();
        out.println("== Events");
        out.printf("  %-4s %-9s %-11s %-6s %-16s %-11s %s%n", "ID", "TYPE", "STATE", "TRIES", "OUTCOME", "DATE",
                "IDENTIFIERS");
        for (VitalEvent e : r.events()) {
            String outcome = e.outcome() != null ? e.outcome().code()
                    : e.lastError() != null ? e.lastError().code() : "";
            out.printf("  %-4s %-9s %-11s %-6d %-16s %-11s %s%n", e.id(), e.type().name().toLowerCase(Locale.ROOT),
                    e.state().code(), e.attempts(), outcome, e.eventDate() == null ? "" : e.eventDate(),
                    ids(e.identifiers()));
        }
        out.println();
        out.println("== Registry persons, before -> after");
        for (DemoScenario.PersonChange p : r.persons()) {
            out.println("  " + p.label());
            out.println("    before: " + describe(p.before()));
            out.println("    after:  " + describe(p.after()));
        }
        out.println();
        out.println(r.settled() ? "All events settled." : "Some events were still being processed when the demo"
                + " stopped waiting.");
    }

    private static String describe(RegistryPerson p) {
        return "born " + (p.birthDate() == null ? "?" : p.birthDate())
                + (p.deceased() ? ", died " + (p.deathDate() == null ? "?" : p.deathDate()) : ", alive")
                + ", civil status " + (p.civilStatus() == null ? "?" : p.civilStatus().name().toLowerCase(Locale.ROOT)
                + (p.civilStatusDate() == null ? "" : " since " + p.civilStatusDate()))
                + ", ids " + ids(p.identifiers()) + ", v" + p.version();
    }

    private static String ids(java.util.List<Identifier> ids) {
        return ids.stream().map(i -> i.type() + ":" + i.value()).collect(Collectors.joining(" "));
    }

    private static String summarise(String answer) {
        String oneLine = answer.replaceAll("\\s+", " ");
        return oneLine.length() > 220 ? oneLine.substring(0, 220) + "…" : oneLine;
    }
}
