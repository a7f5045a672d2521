package io.crvs.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM: either the real product ({@code java -jar crvs.jar serve --config file}) or
 * the empty Undertow handler of the ceiling. Output goes to a log file; {@link #close()} sends SIGTERM (the
 * product shuts down cleanly, stopping its embedded PostgreSQL) and kills it if it has not ended after a bound.
 * A sampler records the largest resident set seen; {@link #peakRssBytes()} also reads the kernel's high-water mark.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern PG_PORT = Pattern.compile("embedded PostgreSQL started on port (\\d+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread sampler;
    private volatile long maxSampledRss;
    private volatile boolean sampling = true;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The java launcher of the running JVM (the server runs on the same JDK as the benchmark). */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts {@code java jvmOptions -jar jar serve --config <dir>/crvs.properties} with {@code settings} and waits
     * until {@code GET /ready} answers 200.
     */
    public static ServerProcess product(Path jar, List<String> jvmOptions, Path dir, Map<String, String> settings,
                                        int port, Duration startLimit) {
        Path config = dir.resolve("crvs.properties");
        StringBuilder props = new StringBuilder("# written by the benchmark\n");
        settings.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(config, props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString()));
        return start(command, dir.resolve("server.log"), port, "/ready", startLimit);
    }

    /** Starts the empty POST handler of the HTTP ceiling in its own JVM. */
    public static ServerProcess emptyHandler(Path benchJar, List<String> jvmOptions, Path dir, int port,
                                             int workerThreads, Duration startLimit) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", benchJar.toString(), EmptyPostServer.class.getName(), Integer.toString(port),
                Integer.toString(workerThreads)));
        return start(command, dir.resolve("empty-server.log"), port, "/", startLimit);
    }

    private static ServerProcess start(List<String> command, Path log, int port, String readyPath, Duration limit) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ServerProcess server = new ServerProcess(p, log, port);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited (" + p.exitValue() + ") during start; see " + log);
            }
            if (status(port, readyPath) == 200) {
                return server;
            }
            sleep(200);
        }
        server.close();
        throw new IllegalStateException("the server was not ready within " + limit + "; see " + log);
    }

    private static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The embedded PostgreSQL's port, from the server's log. */
    public int postgresPort() {
        try {
            Matcher m = PG_PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no embedded PostgreSQL port in " + log);
    }

    /** The largest resident set of the server JVM so far: the kernel's VmHWM, or the sampled maximum. */
    public long peakRssBytes() {
        return Math.max(maxSampledRss, procStatusBytes(process.pid(), "VmHWM:").orElse(0L));
    }

    /** The resident set of the server JVM now. */
    public long rssBytes() {
        return procStatusBytes(process.pid(), "VmRSS:").orElse(0L);
    }

    /** A line of /proc/{pid}/status such as {@code VmHWM:  123456 kB}, in bytes. */
    public static Optional<Long> procStatusBytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Proportional set size (shared pages split among their users) of a process and its descendants, from
     * /proc/{pid}/smaps_rollup: what a PostgreSQL server and its backends take together.
     */
    public static long pssOfTree(long pid) {
        long total = pss(pid);
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isPresent()) {
            total += h.get().descendants().mapToLong(d -> pss(d.pid())).sum();
        }
        return total;
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private void sample() {
        while (sampling && process.isAlive()) {
            long rss = rssBytes();
            if (rss > maxSampledRss) {
                maxSampledRss = rss;
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, up to 60 s for a clean stop, then SIGKILL. */
    @Override
    public void close() {
        sampling = false;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
