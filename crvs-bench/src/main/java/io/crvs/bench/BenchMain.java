package io.crvs.bench;

import io.crvs.bench.load.LoadResult;
import io.crvs.bench.load.QueueProbe;
import io.crvs.bench.server.CpuMeter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's command line.
 *
 * <pre>
 * java -jar crvs-bench.jar run [options]        the standard set: ceilings, load scenarios, JMH; one table
 * java -jar crvs-bench.jar backfill [options]   the long scenario: 1,000,000 events in 100-event notifies
 * java -jar crvs-bench.jar jmh [JMH options]    JMH itself, e.g. "jmh SignatureBenchmark -f 2"
 *
 * options:
 *   --crvs-jar PATH     the server under test (default crvs-app/target/crvs.jar)
 *   --work DIR          where the database and logs go (default: a new temporary directory, deleted afterwards
 *                       unless --keep)
 *   --keep              keep the work directory
 *   --out FILE          also write the table (Markdown) to FILE
 *   --server-jvm "..."  JVM options of the server (default: {@value #DEFAULT_SERVER_JVM})
 *   --set key=value     a server setting (as in a --config file); repeatable
 *   --quick             a fifth of the requests (smoke test)
 *   --no-jmh            skip the microbenchmarks
 *   --only A,B          only these measured scenarios (cavage-1, cavage-100, jws-rs256-1, cavage-1@rate), after
 *                       all the warm-ups: for investigating one figure
 *   --events N          backfill size (default 1000000)
 *   --pg-stat-statements   diagnosis: load pg_stat_statements into the server's PostgreSQL and write the top
 *                       statements of each scenario to the work directory (use with --keep or --work)
 * </pre>
 */
public final class BenchMain {

    static final String DEFAULT_SERVER_JVM = "-Xms256m -Xmx256m -XX:MaxMetaspaceSize=128m"
            + " -XX:MaxDirectMemorySize=64m -Xss512k";
    static final String JMH_FORK_JVM = "-Xms1g -Xmx1g";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // the embedded PostgreSQL and the pool log at info; the benchmark's own progress goes to standard error
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            run(BenchArgs.parse(args));
        } catch (BenchArgs.UsageException e) {
            System.err.println("crvs-bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static final String USAGE = "usage: java -jar crvs-bench.jar run|backfill [options] | jmh [JMH options]"
            + " (see docs/benchmarks.md)";

    private static void run(BenchArgs args) throws Exception {
        Map<String, String> opts = args.options();
        Map<String, String> settings = args.settings();
        Plan plan = args.plan();
        Path crvsJar = Path.of(opts.getOrDefault("--crvs-jar", "crvs-app/target/crvs.jar")).toAbsolutePath();
        if (!Files.isRegularFile(crvsJar)) {
            throw new BenchArgs.UsageException(crvsJar + " does not exist: build it first (bench/run.sh does)");
        }
        Path benchJar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        boolean temporary = !opts.containsKey("--work");
        Path work = temporary ? Files.createTempDirectory("crvs-bench-")
                : Files.createDirectories(Path.of(opts.get("--work")).toAbsolutePath());
        List<String> serverJvm = LoadBench.split(opts.getOrDefault("--server-jvm", DEFAULT_SERVER_JVM));
        int pgConnections = Integer.parseInt(settings.getOrDefault("db.pool-size", "16"));
        String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        LoadBench.Results load;
        List<MicroBench.Score> micro = List.of();
        try {
            load = new LoadBench(plan, crvsJar, benchJar, work, serverJvm, settings, pgConnections,
                    opts.containsKey("--pg-stat-statements")).run();
            if (plan.jmh()) {
                Path jmhOut = opts.containsKey("--out") ? Path.of(opts.get("--out") + ".jmh.txt").toAbsolutePath()
                        : work.resolve("jmh.txt");
                LoadBench.log("JMH microbenchmarks (output in %s)", jmhOut);
                micro = MicroBench.run(jmhOut, LoadBench.split(JMH_FORK_JVM));
                LoadBench.log("JMH output in %s", jmhOut);
            }
        } finally {
            if (temporary && !opts.containsKey("--keep")) {
                deleteTree(work);
            } else {
                LoadBench.log("work directory kept: %s", work);
            }
        }
        String table = report(plan, started, load, micro, serverJvm, settings, pgConnections).render();
        System.out.println(table);
        if (opts.containsKey("--out")) {
            Path out = Path.of(opts.get("--out"));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, table);
        }
    }

    static Report report(Plan plan, String started, LoadBench.Results r, List<MicroBench.Score> micro,
                         List<String> serverJvm, Map<String, String> settings, int pgConnections) {
        Report rep = new Report();
        int cores = Runtime.getRuntime().availableProcessors();
        rep.header("CRVS Receiver benchmark, " + plan.name() + " set, " + started);
        rep.header("");
        rep.header("* Machine: " + Machine.describe());
        rep.header(String.format(Locale.ROOT, "* Load average (1/5/15 min): %s before, %s after; highest 1-min"
                + " reading during the run: %.2f", r.loadBefore, r.loadAfter, r.maxLoadDuringRun));
        rep.header("* Server: `java " + String.join(" ", serverJvm) + " -jar crvs.jar serve`, settings "
                + settings + ", embedded PostgreSQL 17 in a fresh directory (fsync, synchronous_commit and"
                + " full_page_writes on); load generator and server share the machine, loopback HTTP/1.1 keep-alive");
        double pg1 = r.ceilings.getOrDefault(LoadBench.CEIL_PG_1, 0.0);
        double pgN = r.ceilings.getOrDefault(LoadBench.CEIL_PG_N, 0.0);
        double ed1 = r.ceilings.getOrDefault(LoadBench.CEIL_ED_1, 0.0);
        double edN = r.ceilings.getOrDefault(LoadBench.CEIL_ED_N, 0.0);
        double rs1 = r.ceilings.getOrDefault(LoadBench.CEIL_RS_1, 0.0);
        double rsN = r.ceilings.getOrDefault(LoadBench.CEIL_RS_N, 0.0);
        String pgNName = "PG commits, " + pgConnections + " conns: " + Report.rate(pgN, "commit");
        double http = r.emptyHttp == null ? 0 : r.emptyHttp.acceptedPerSecond();
        String httpName = "empty Undertow POST: " + Report.rate(http, "req");

        rep.section("Load: real server over loopback HTTP");
        for (Plan.Scenario s : plan.scenarios()) {
            LoadResult l = r.load.get(s.name());
            QueueProbe.Progress p = r.processing.get(s.name());
            if (l == null) {
                continue;
            }
            String what = s.eventsPerNotify() + "-event " + s.profile().code() + " notifies";
            String lat = Report.millis(l.latencyMillis(0.5)) + " / " + Report.millis(l.latencyMillis(0.99)) + " / "
                    + Report.millis(l.latencyMillis(0.999));
            String clean = l.clean() ? "" : String.format(Locale.ROOT, " (%d of %d accepted, %d not sent)",
                    l.accepted(), l.sent() + l.notSent(), l.notSent());
            switch (s.kind()) {
                case WARMUP -> rep.row("Warm-up: " + l.sent() + " x " + what, Report.rate(l.acceptedPerSecond(),
                        "notify") + clean, "", "", "", "");
                case ACK -> {
                    boolean single = s.eventsPerNotify() == 1;
                    boolean jws = s.profile().code().startsWith("jws");
                    double perSec = l.acceptedPerSecond();
                    if (single) {
                        rep.row("Ack: " + l.sent() + " x " + what + ", " + s.connections() + " conns",
                                Report.rate(perSec, "notify") + clean, httpName, Report.ratio(perSec, http),
                                jws ? "" : "≥ 2,000/s", jws ? "" : Report.met(perSec >= 2000 && l.clean()));
                        rep.row("  same, vs raw " + (jws ? "RS256" : "Ed25519") + " verify",
                                "", (jws ? "RS256" : "Ed25519") + " verify, " + cores + " threads: "
                                        + Report.rate(jws ? rsN : edN, "verify"),
                                Report.ratio(perSec, jws ? rsN : edN), "", "");
                    } else {
                        double events = perSec * s.eventsPerNotify();
                        rep.row("Ack: " + l.sent() + " x " + what + ", " + s.connections() + " conns",
                                Report.rate(events, "event") + " (" + Report.rate(perSec, "notify") + ")" + clean,
                                pgNName, Report.ratio(perSec, pgN) + " (notifies)", "≥ 20,000 events/s",
                                Report.met(events >= 20_000 && l.clean()));
                    }
                    rep.row("  ack latency p50 / p99 / p999", lat, "", "", "", "");
                }
                case RATE -> {
                    boolean ok = l.latencyMillis(0.99) <= 50 && l.clean();
                    rep.row(String.format(Locale.ROOT, "Fixed rate %.0f req/s for %d s, %s: ack p50 / p99 / p999",
                                    s.rate(), Math.round(l.sent() / s.rate()), what), lat + clean, "", "",
                            "p99 ≤ 50 ms", Report.met(ok));
                    rep.row("  achieved rate, max latency", String.format(Locale.ROOT, "%.0f req/s, max %s",
                            l.acceptedPerSecond(), Report.millis(l.maxLatencyMillis())), "", "", "", "");
                }
            }
            if (s.kind() != Plan.Kind.WARMUP && r.cpuAck.containsKey(s.name())) {
                rep.row("  CPU while sending (share of the machine)", LoadBench.describe(r.cpuAck.get(s.name())),
                        "", "", "", "");
            }
            if (p != null && s.kind() != Plan.Kind.WARMUP) {
                boolean all = p.settled() && p.errors() == 0 && p.processed() == (long) l.accepted()
                        * s.eventsPerNotify();
                String state = all ? "" : String.format(Locale.ROOT, " (%,d processed, %,d pending, %,d errors)",
                        p.processed(), p.pending(), p.errors());
                boolean target = s.kind() == Plan.Kind.ACK && s.eventsPerNotify() > 1;
                if (s.kind() == Plan.Kind.RATE) {
                    rep.row("  processing kept up: last event done after the last ack (polled every 0.5 s)",
                            String.format(Locale.ROOT, "%.1f s%s", r.settleMillis.get(s.name()) / 1000.0, state),
                            "", "", "", "");
                } else {
                    rep.row("  processing: " + String.format(Locale.ROOT, "%,d", p.events())
                                    + " events, first receipt to last done", Report.rate(p.processedPerSecond(),
                                    "event") + state, pgNName, Report.ratio(p.processedPerSecond(), pgN),
                            target ? "≥ 3,000 events/s" : "", target ? Report.met(all
                                    && p.processedPerSecond() >= 3000) : "");
                }
                CpuMeter.Snapshot c = r.cpuAll.get(s.name());
                if (c != null && p.processed() > 0) {
                    rep.row("  CPU per event, first request to last processed", String.format(Locale.ROOT,
                            "server %.0f µs, PostgreSQL %.0f µs, load generator %.0f µs; other processes %.0f%%",
                            1e6 * c.server() / p.processed(), 1e6 * c.postgres() / p.processed(),
                            1e6 * c.generator() / p.processed(), 100 * c.others() / c.machineTotal()),
                            "", "", "", "");
                }
            }
        }
        rep.row("Server JVM peak RSS (VmHWM)", Report.mib(r.serverPeakRss), "", "", "≤ 512 MiB",
                Report.met(r.serverPeakRss > 0 && r.serverPeakRss <= 512L * 1024 * 1024));
        rep.row("  embedded PostgreSQL processes, PSS at the end", Report.mib(r.postgresPss), "", "", "", "");

        rep.section("Ceilings, measured in this run");
        if (r.emptyHttp != null) {
            rep.row("Empty Undertow POST handler, same client, bodies and conns", Report.rate(http, "req"), "", "", "",
                    "");
            rep.row("  latency p50 / p99 / p999", Report.millis(r.emptyHttp.latencyMillis(0.5)) + " / "
                    + Report.millis(r.emptyHttp.latencyMillis(0.99)) + " / "
                    + Report.millis(r.emptyHttp.latencyMillis(0.999)), "", "", "", "");
        }
        rep.row("PostgreSQL single-row insert commits, 1 connection", Report.rate(pg1, "commit"), "", "", "", "");
        rep.row("PostgreSQL single-row insert commits, " + pgConnections + " connections",
                Report.rate(pgN, "commit"), "", "", "", "");
        rep.row("Raw Ed25519 verify (BouncyCastle), 1 / " + cores + " threads",
                Report.rate(ed1, "verify") + " / " + Report.rate(edN, "verify"), "", "", "", "");
        rep.row("Raw RS256 verify (JDK), 1 / " + cores + " threads",
                Report.rate(rs1, "verify") + " / " + Report.rate(rsN, "verify"), "", "", "", "");

        if (!micro.isEmpty()) {
            rep.section("JMH microbenchmarks (1 thread, 1 fork, 3 x 1 s; error = 99.9% CI)");
            for (MicroBench.Score m : micro) {
                String name = m.benchmark() + (m.params().isEmpty() ? "" : " " + m.params());
                if (m.benchmark().startsWith("ClaimAndProcessBenchmark")) {
                    double eventsPerSec = MicroBench.claimAndProcessEvents() / (m.score() / 1000.0);
                    rep.row(name, String.format(Locale.ROOT, "%,.0f events/s (%,.0f ± %,.0f ms per %d events)",
                                    eventsPerSec, m.score(), m.error(), MicroBench.claimAndProcessEvents()),
                            "PG commits, 1 conn: " + Report.rate(pg1, "commit"), Report.ratio(eventsPerSec, pg1),
                            "", "");
                    continue;
                }
                String score = String.format(Locale.ROOT, "%,.0f ± %,.0f ops/s (%s)", m.score(), m.error(),
                        micros(m.score()));
                String ceiling = "";
                String ratio = "";
                if (m.benchmark().startsWith("SignatureBenchmark")) {
                    boolean jws = m.params().contains("jws");
                    ceiling = "raw " + (jws ? "RS256" : "Ed25519") + ", 1 thread: "
                            + Report.rate(jws ? rs1 : ed1, "verify");
                    ratio = Report.ratio(m.score(), jws ? rs1 : ed1);
                } else if (m.benchmark().startsWith("EventAppendBenchmark")) {
                    ceiling = "PG commits, 1 conn: " + Report.rate(pg1, "commit");
                    ratio = Report.ratio(m.score(), pg1);
                    if (m.params().contains("events=100")) {
                        score += String.format(Locale.ROOT, " = %,.0f events/s", m.score() * 100);
                    }
                }
                rep.row(name, score, ceiling, ratio, "", "");
            }
        }
        rep.note("Ack throughput counts 2xx answers from the first request sent to the last answer; latency is from"
                + " sending the request (closed loop) or from the time it was due (fixed rate) to the end of the"
                + " answer, measured by the load generator.");
        rep.note("Processing throughput: events of the scenario divided by the time from the first stored receipt"
                + " to the last completion (server timestamps in the database); the server's processing workers"
                + " (workers.count, default 1, batches of workers.batch-size, default 200) run during the load, as in"
                + " production.");
        rep.note("Ratios: our figure divided by the ceiling named in the same row; the ceilings are the machine's"
                + " limits for one part of the work, each measured alone.");
        return rep;
    }

    private static String micros(double opsPerSecond) {
        double us = 1e6 / opsPerSecond;
        return us >= 1000 ? String.format(Locale.ROOT, "%.2f ms", us / 1000)
                : String.format(Locale.ROOT, "%.1f µs", us);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
