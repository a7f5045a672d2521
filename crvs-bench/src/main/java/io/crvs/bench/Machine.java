package io.crvs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPU, memory, kernel, JDK, and the load average when asked. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible, " + memory() + ", Linux "
                + read("/proc/sys/kernel/osrelease").strip() + "; JDK " + System.getProperty("java.vm.name") + " "
                + Runtime.version();
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        String[] parts = read("/proc/loadavg").strip().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    /** The 1 minute load average, or -1. */
    static double load1() {
        try {
            return Double.parseDouble(read("/proc/loadavg").strip().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return String.format("%.1f GiB RAM", kb / 1024.0 / 1024.0);
            }
        }
        return "unknown RAM";
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }
}
