package io.crvs.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code run} or {@code backfill} command line of the benchmark, read: its options (flags map to
 * {@code "true"}), the server settings given with {@code --set} (after {@code log.level=info}) and the plan it
 * names. Anything it cannot read is a {@link UsageException} naming the fault.
 */
record BenchArgs(Map<String, String> options, Map<String, String> settings, Plan plan) {

    /** A command line the benchmark cannot run: told in one line with the usage, exit code 2. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** @param args the command ({@code run} or {@code backfill}) and its options */
    static BenchArgs parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("no command");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("log.level", "info");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--keep", "--quick", "--no-jmh", "--pg-stat-statements" -> opts.put(a, "true");
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--set needs key=value, not " + kv);
                    }
                    settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--crvs-jar", "--work", "--out", "--server-jvm", "--events", "--only" ->
                        opts.put(a, value(args, ++i, a));
                default -> throw new UsageException("unknown option " + a);
            }
        }
        Plan plan = switch (args[0]) {
            case "run" -> Plan.standard(opts.containsKey("--quick"), !opts.containsKey("--no-jmh"));
            case "backfill" -> Plan.backfill(events(opts.getOrDefault("--events", "1000000")));
            default -> throw new UsageException("unknown command " + args[0]);
        };
        if (opts.containsKey("--only")) {
            try {
                plan = plan.only(List.of(opts.get("--only").split(",")));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new BenchArgs(Collections.unmodifiableMap(opts), Collections.unmodifiableMap(settings), plan);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long events(String value) {
        long events;
        try {
            events = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--events needs a number, not " + value);
        }
        if (events < 100) {
            throw new UsageException("--events needs at least 100 events, not " + value);
        }
        return events;
    }
}
