package io.crvs.bench;

import io.crvs.core.domain.SignatureProfile;
import java.time.Duration;
import java.util.List;

/**
 * Which load scenarios a run has: each is a number of pre-signed notifies in one profile with a number of events
 * each, sent in a closed loop over some connections or at a fixed rate, and bounded in time.
 */
record Plan(String name, List<Scenario> scenarios, boolean ceilings, boolean emptyHttp, boolean jmh) {

    enum Kind { WARMUP, ACK, RATE }

    /**
     * @param kind        a warm-up (reported, not compared), a closed-loop ack measurement, or a fixed-rate one
     * @param rate        requests per second for {@code RATE}
     * @param limit       no request starts after this
     * @param settleLimit how long to wait for processing to finish afterwards
     */
    record Scenario(String name, Kind kind, SignatureProfile profile, int notifies, int eventsPerNotify,
                    int connections, double rate, Duration limit, Duration settleLimit) {
        long events() {
            return (long) notifies * eventsPerNotify;
        }
    }

    /** This plan with its warm-ups and only the named measured scenarios. */
    Plan only(List<String> names) {
        List<String> unknown = names.stream()
                .filter(n -> scenarios.stream().noneMatch(s -> s.kind() != Kind.WARMUP && s.name().equals(n)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no measured scenario named " + unknown + " in the " + name
                    + " set; its scenarios: " + String.join(", ", scenarios.stream()
                            .filter(s -> s.kind() != Kind.WARMUP).map(Scenario::name).toList()));
        }
        return new Plan(name + " (only " + String.join(", ", names) + ")", scenarios.stream()
                .filter(s -> s.kind() == Kind.WARMUP || names.contains(s.name())).toList(), ceilings,
                emptyHttp && names.contains(SINGLE), jmh); // the empty handler is measured with SINGLE's bodies
    }

    long totalEvents() {
        return scenarios.stream().mapToLong(Scenario::events).sum();
    }

    static final String SINGLE = "cavage-1";
    static final String BATCH = "cavage-100";
    static final String JWS = "jws-rs256-1";
    static final String FIXED = "cavage-1@rate";

    /** The standard set (about 4 minutes) or, {@code quick}, a smaller one for a smoke test. */
    static Plan standard(boolean quick, boolean jmh) {
        int f = quick ? 5 : 1;
        Duration settle = Duration.ofSeconds(180);
        SignatureProfile cavage = SignatureProfile.DCI_CAVAGE_ED25519;
        return new Plan(quick ? "quick" : "standard", List.of(
                // the JIT compiles the paths of every scenario before anything is measured
                new Scenario("warm-up", Kind.WARMUP, cavage, 8000 / f, 1, 32, 0, Duration.ofSeconds(60), settle),
                new Scenario("warm-up-jws", Kind.WARMUP, SignatureProfile.JWS_COMPACT, 3000 / f, 1, 32, 0,
                        Duration.ofSeconds(60), settle),
                new Scenario("warm-up-100", Kind.WARMUP, cavage, 150 / f, 100, 8, 0, Duration.ofSeconds(60), settle),
                new Scenario(SINGLE, Kind.ACK, cavage, 15_000 / f, 1, 32, 0, Duration.ofSeconds(60), settle),
                new Scenario(BATCH, Kind.ACK, cavage, 800 / f, 100, 8, 0, Duration.ofSeconds(60), settle),
                new Scenario(JWS, Kind.ACK, SignatureProfile.JWS_COMPACT, 5000 / f, 1, 32, 0,
                        Duration.ofSeconds(60), settle),
                new Scenario(FIXED, Kind.RATE, cavage, 12_500 / f, 1, 64, 500, Duration.ofSeconds(30), settle)),
                true, true, jmh);
    }

    /** The optional long scenario: a backfill of {@code events} events in 100-event notifies. */
    static Plan backfill(long events) {
        int notifies = (int) Math.max(1, events / 100);
        return new Plan("backfill", List.of(
                new Scenario("warm-up", Kind.WARMUP, SignatureProfile.DCI_CAVAGE_ED25519, 50, 100, 8, 0,
                        Duration.ofSeconds(60), Duration.ofSeconds(120)),
                new Scenario("backfill-" + events, Kind.ACK, SignatureProfile.DCI_CAVAGE_ED25519, notifies, 100, 8, 0,
                        Duration.ofMinutes(30), Duration.ofMinutes(60))),
                true, false, false);
    }
}
