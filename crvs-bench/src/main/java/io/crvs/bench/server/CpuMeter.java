package io.crvs.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time from /proc: of the server JVM, of the embedded PostgreSQL (postmaster and its backends), of the load
 * generator (this JVM), and of the whole machine, so that a scenario can say where the CPU went and how much of
 * it other processes took. Times are in clock ticks (USER_HZ, 100 per second on Linux).
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds used so far by each party, and the machine's busy and total seconds. */
    public record Snapshot(double server, double postgres, double generator, double machineBusy,
                           double machineTotal) {

        /** What happened between {@code before} and this snapshot. */
        public Snapshot minus(Snapshot before) {
            return new Snapshot(server - before.server, postgres - before.postgres, generator - before.generator,
                    machineBusy - before.machineBusy, machineTotal - before.machineTotal);
        }

        /** Busy CPU time not accounted for by the three parties (other processes, the kernel's own work). */
        public double others() {
            return Math.max(0, machineBusy - server - postgres - generator);
        }
    }

    private final long serverPid;
    private final Path postmasterPidFile;

    /**
     * @param serverPid         the server JVM
     * @param postmasterPidFile {@code postmaster.pid} in the embedded database's data directory
     */
    public CpuMeter(long serverPid, Path postmasterPidFile) {
        this.serverPid = serverPid;
        this.postmasterPidFile = postmasterPidFile;
    }

    public Snapshot snapshot() {
        double pg = postmaster().map(pid -> {
            double t = ticks(pid);
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent()) {
                t += h.get().descendants().mapToDouble(d -> ticks(d.pid())).sum();
            }
            return t;
        }).orElse(0.0);
        double[] machine = machine();
        return new Snapshot(ticks(serverPid) / TICKS_PER_SECOND, pg / TICKS_PER_SECOND,
                ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND, machine[0] / TICKS_PER_SECOND,
                machine[1] / TICKS_PER_SECOND);
    }

    private Optional<Long> postmaster() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime + stime of a process (all its threads), in ticks; 0 when it is gone. */
    static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command may hold spaces and parentheses: the fields start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total ticks of all CPUs since boot (the "cpu" line of /proc/stat). */
    private static double[] machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]); // user nice system idle iowait irq softirq steal
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
