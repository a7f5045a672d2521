package io.crvs.bench;

import io.crvs.bench.ceiling.PostgresCeiling;
import io.crvs.bench.ceiling.VerifyCeiling;
import io.crvs.bench.load.BenchSenders;
import io.crvs.bench.load.BenchSetup;
import io.crvs.bench.load.JwksHost;
import io.crvs.bench.load.LoadResult;
import io.crvs.bench.load.LoadRunner;
import io.crvs.bench.load.QueueProbe;
import io.crvs.bench.load.StatementStats;
import io.crvs.bench.server.CpuMeter;
import io.crvs.bench.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark run against the real server: prepares a fresh embedded database (senders, seeded persons),
 * starts {@code crvs.jar serve} in its own JVM, measures the ceilings on the same machine (PostgreSQL commits on
 * the server's own PostgreSQL, raw signature verifications), runs the plan's load scenarios (each followed by the
 * wait until its events are processed), stops the server, then measures the empty Undertow handler with the same
 * client and requests.
 */
final class LoadBench {

    /** What the run measured, for the report. */
    static final class Results {
        final Map<String, LoadResult> load = new LinkedHashMap<>();
        final Map<String, QueueProbe.Progress> processing = new LinkedHashMap<>();
        final Map<String, Long> settleMillis = new LinkedHashMap<>();
        /** CPU used while the requests were sent and answered. */
        final Map<String, CpuMeter.Snapshot> cpuAck = new LinkedHashMap<>();
        /** CPU used from the first request until the last event was processed. */
        final Map<String, CpuMeter.Snapshot> cpuAll = new LinkedHashMap<>();
        final Map<String, Double> ceilings = new LinkedHashMap<>();
        long serverPeakRss;
        long postgresPss;
        LoadResult emptyHttp;
        String loadBefore;
        String loadAfter;
        double maxLoadDuringRun;
    }

    static final String CEIL_PG_1 = "pg-commits-1";
    static final String CEIL_PG_N = "pg-commits-n";
    static final String CEIL_ED_1 = "ed25519-1";
    static final String CEIL_ED_N = "ed25519-n";
    static final String CEIL_RS_1 = "rs256-1";
    static final String CEIL_RS_N = "rs256-n";

    private final Plan plan;
    private final Path crvsJar;
    private final Path benchJar;
    private final Path work;
    private final List<String> serverJvm;
    private final Map<String, String> serverSettings;
    private final int pgConnections;
    private final boolean statementStats;

    LoadBench(Plan plan, Path crvsJar, Path benchJar, Path work, List<String> serverJvm,
              Map<String, String> serverSettings, int pgConnections, boolean statementStats) {
        this.plan = plan;
        this.crvsJar = crvsJar;
        this.benchJar = benchJar;
        this.work = work;
        this.serverJvm = serverJvm;
        this.serverSettings = serverSettings;
        this.pgConnections = pgConnections;
        this.statementStats = statementStats;
    }

    /** The password the embedded PostgreSQL of {@code dataDir} was set up with ({@code <data dir>.secret}). */
    private static String embeddedPassword(Path dataDir) {
        Path secret = dataDir.resolveSibling(dataDir.getFileName() + ".secret");
        try {
            return Files.readString(secret, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded PostgreSQL's password " + secret, e);
        }
    }

    Results run() {
        Results results = new Results();
        results.loadBefore = Machine.loadAverage();
        String tag = "b" + Long.toString(System.currentTimeMillis(), 36);
        BenchSenders senders = new BenchSenders(tag);
        Map<String, List<byte[]>> bodies = presign(senders);
        Path dataDir = work.resolve("postgres");
        Thread loadWatch = watchLoad(results);
        try (JwksHost jwks = new JwksHost(Map.of("/cavage.jwks", senders.jwks(BenchSenders.CAVAGE_ID),
                "/jws.jwks", senders.jwks(BenchSenders.JWS_ID)))) {
            log("preparing the database in %s: senders, %,d registry persons", dataDir, plan.totalEvents());
            BenchSetup.prepare(dataDir, jwks.base(), plan.totalEvents());
            if (statementStats) {
                StatementStats.enable(dataDir);
            }
            int port = freePort();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("http.host", "127.0.0.1");
            settings.put("http.port", Integer.toString(port));
            settings.put("db.data-dir", dataDir.toString());
            settings.putAll(serverSettings);
            log("starting the server: java %s -jar %s serve (%s)", String.join(" ", serverJvm), crvsJar, settings);
            try (ServerProcess server = ServerProcess.product(crvsJar, serverJvm, work, settings, port,
                    Duration.ofSeconds(120))) {
                try {
                    // the embedded PostgreSQL's superuser password is kept beside its data directory (owner-only file)
                    String pgUrl = "jdbc:postgresql://localhost:" + server.postgresPort()
                            + "/postgres?user=postgres&password=" + embeddedPassword(dataDir);
                    if (plan.ceilings()) {
                        ceilings(results, senders, pgUrl);
                    }
                    CpuMeter cpu = new CpuMeter(server.pid(), dataDir.resolve("postmaster.pid"));
                    try (QueueProbe probe = new QueueProbe(pgUrl);
                         StatementStats stats = statementStats ? StatementStats.connect(pgUrl) : null) {
                        for (Plan.Scenario s : plan.scenarios()) {
                            if (stats != null) {
                                stats.reset();
                            }
                            scenario(results, s, bodies.get(s.name()), port, probe, cpu);
                            if (stats != null) {
                                Path file = work.resolve("statements-" + s.name() + ".txt");
                                stats.write(file, s.events());
                                log("  statements by database time: %s", file);
                            }
                        }
                    }
                    results.serverPeakRss = server.peakRssBytes();
                    results.postgresPss = postmasterPid(dataDir).map(ServerProcess::pssOfTree).orElse(0L);
                    log("server peak RSS %s, PostgreSQL processes PSS %s", Report.mib(results.serverPeakRss),
                            Report.mib(results.postgresPss));
                } finally {
                    log("stopping the server");
                    server.close();
                    stopOrphanedPostgres(dataDir);
                }
            }
            if (plan.emptyHttp()) {
                results.emptyHttp = emptyHttp(bodies.get(Plan.SINGLE), connectionsOf(Plan.SINGLE));
            }
        } finally {
            loadWatch.interrupt();
        }
        results.loadAfter = Machine.loadAverage();
        return results;
    }

    private Map<String, List<byte[]>> presign(BenchSenders senders) {
        Map<String, List<byte[]>> bodies = new LinkedHashMap<>();
        long next = 1;
        long started = System.nanoTime();
        for (Plan.Scenario s : plan.scenarios()) {
            bodies.put(s.name(), senders.notifies(s.profile(), s.notifies(), s.eventsPerNotify(), next));
            next += s.events();
        }
        log("pre-signed %,d notifies (%,d events) in %.1f s", plan.scenarios().stream()
                .mapToInt(Plan.Scenario::notifies).sum(), next - 1, (System.nanoTime() - started) / 1e9);
        return bodies;
    }

    private void ceilings(Results r, BenchSenders senders, String pgUrl) {
        log("ceilings: PostgreSQL single-row insert commits (1 and %d connections)", pgConnections);
        PostgresCeiling pg = new PostgresCeiling(pgUrl);
        r.ceilings.put(CEIL_PG_1, pg.commitsPerSecond(1, Duration.ofSeconds(3)));
        r.ceilings.put(CEIL_PG_N, pg.commitsPerSecond(pgConnections, Duration.ofSeconds(3)));
        int cores = Runtime.getRuntime().availableProcessors();
        log("ceilings: raw Ed25519 and RS256 verifications (1 and %d threads)", cores);
        r.ceilings.put(CEIL_ED_1, VerifyCeiling.ed25519(senders.ed25519(), 1, Duration.ofSeconds(2)));
        r.ceilings.put(CEIL_ED_N, VerifyCeiling.ed25519(senders.ed25519(), cores, Duration.ofSeconds(2)));
        r.ceilings.put(CEIL_RS_1, VerifyCeiling.rs256(senders.rsa(), 1200, 1, Duration.ofSeconds(2)));
        r.ceilings.put(CEIL_RS_N, VerifyCeiling.rs256(senders.rsa(), 1200, cores, Duration.ofSeconds(2)));
        r.ceilings.forEach((k, v) -> log("  %s: %,.0f/s", k, v));
    }

    private void scenario(Results r, Plan.Scenario s, List<byte[]> bodies, int port, QueueProbe probe,
                          CpuMeter cpu) {
        long mark = probe.mark();
        CpuMeter.Snapshot start = cpu.snapshot();
        LoadRunner.Target target = new LoadRunner.Target("127.0.0.1", port, "/registry/notify", bodies);
        log("%s: %,d notifies x %d events, %s", s.name(), s.notifies(), s.eventsPerNotify(),
                s.kind() == Plan.Kind.RATE ? String.format("%.0f/s over %d connections", s.rate(), s.connections())
                        : s.connections() + " connections");
        LoadResult result = s.kind() == Plan.Kind.RATE
                ? LoadRunner.fixedRate(s.name(), target, s.rate(), s.connections(), s.limit())
                : LoadRunner.closedLoop(s.name(), target, s.connections(), s.limit());
        CpuMeter.Snapshot acked = cpu.snapshot();
        log("  %s", result.summary());
        log("  CPU while sending: %s", describe(acked.minus(start)));
        long waitStart = System.nanoTime();
        QueueProbe.Progress p = probe.awaitSettled(mark, (long) result.accepted() * s.eventsPerNotify(),
                s.settleLimit(), Duration.ofMillis(500));
        long waited = (System.nanoTime() - waitStart) / 1_000_000;
        log("  processing: %,d events, %,d processed, %,d pending, %,d in error, %,.0f events/s (first receipt to"
                + " last completion), %.1f s after the last answer", p.events(), p.processed(), p.pending(),
                p.errors(), p.processedPerSecond(), waited / 1000.0);
        CpuMeter.Snapshot all = cpu.snapshot().minus(start);
        log("  CPU until processed: %s", describe(all));
        r.cpuAck.put(s.name(), acked.minus(start));
        r.cpuAll.put(s.name(), all);
        r.load.put(s.name(), result);
        r.processing.put(s.name(), p);
        r.settleMillis.put(s.name(), waited);
    }

    /** "server 41%, PostgreSQL 30%, load generator 9%, other processes 2% of 2 cores for 10.2 s". */
    static String describe(CpuMeter.Snapshot d) {
        double cap = d.machineTotal();
        if (cap <= 0) {
            return "unknown";
        }
        return String.format(java.util.Locale.ROOT,
                "server %.0f%%, PostgreSQL %.0f%%, load generator %.0f%%, other processes %.0f%% of %d cores"
                        + " for %.1f s", 100 * d.server() / cap, 100 * d.postgres() / cap, 100 * d.generator() / cap,
                100 * d.others() / cap, Runtime.getRuntime().availableProcessors(),
                cap / Runtime.getRuntime().availableProcessors());
    }

    private LoadResult emptyHttp(List<byte[]> bodies, int connections) {
        int port = freePort();
        int workers = Integer.parseInt(serverSettings.getOrDefault("http.worker-threads", "32"));
        log("ceiling: empty Undertow POST handler (%d worker threads), same client and bodies", workers);
        List<String> jvm = serverJvm.stream().filter(o -> !o.contains("FlightRecord")).toList(); // no profiling
        try (ServerProcess empty = ServerProcess.emptyHandler(benchJar, jvm, work, port, workers,
                Duration.ofSeconds(60))) {
            LoadRunner.Target target = new LoadRunner.Target("127.0.0.1", port, "/registry/notify", bodies);
            LoadRunner.closedLoop("empty-warm-up", target, connections, Duration.ofSeconds(20));
            LoadResult result = LoadRunner.closedLoop("empty-http", target, connections, Duration.ofSeconds(30));
            log("  %s", result.summary());
            return result;
        }
    }

    private int connectionsOf(String scenario) {
        return plan.scenarios().stream().filter(s -> s.name().equals(scenario)).findFirst()
                .map(Plan.Scenario::connections).orElse(32);
    }

    private static Thread watchLoad(Results r) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                r.maxLoadDuringRun = Math.max(r.maxLoadDuringRun, Machine.load1());
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> postmasterPid(Path dataDir) {
        try {
            Path pid = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pid)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** If the server could not stop its PostgreSQL (killed after the stop bound), stop that PostgreSQL here. */
    private static void stopOrphanedPostgres(Path dataDir) {
        postmasterPid(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().orElse("").endsWith("postgres")).ifPresent(h -> {
                    log("stopping the PostgreSQL (pid %d) the server left running", h.pid());
                    h.destroy();
                    try {
                        h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                });
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    static List<String> split(String options) {
        List<String> out = new ArrayList<>();
        for (String s : options.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
