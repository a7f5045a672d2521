package io.crvs.bench.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load run measured.
 *
 * @param name        the scenario
 * @param concurrency connections used
 * @param rate        the offered rate in requests per second, or 0 for a closed loop
 * @param sent        requests sent (answered or failed)
 * @param accepted    requests answered 2xx
 * @param notSent     requests left when the time limit came
 * @param elapsedNanos from the start to the last answer
 * @param sortedLatencyNanos latency of every sent request, ascending
 * @param statuses    answers by HTTP status (-1: IO failure)
 * @param firstError  the first non-2xx answer or IO failure, or null
 */
public record LoadResult(String name, int concurrency, double rate, int sent, int accepted, int notSent,
                         long elapsedNanos, long[] sortedLatencyNanos, Map<Integer, Integer> statuses,
                         String firstError) {

    static LoadResult of(String name, long start, long[] latency, int[] status, long[] done, double rate,
                         int concurrency, String firstError) {
        int sent = 0;
        int accepted = 0;
        long last = start;
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] measured = new long[latency.length];
        for (int i = 0; i < latency.length; i++) {
            if (latency[i] < 0) {
                continue;
            }
            measured[sent++] = latency[i];
            statuses.merge(status[i], 1, Integer::sum);
            if (status[i] >= 200 && status[i] < 300) {
                accepted++;
            }
            last = Math.max(last, done[i]);
        }
        long[] sorted = Arrays.copyOf(measured, sent);
        Arrays.sort(sorted);
        return new LoadResult(name, concurrency, rate, sent, accepted, latency.length - sent, last - start, sorted,
                statuses, firstError);
    }

    /** Accepted requests per second over the run. */
    public double acceptedPerSecond() {
        return elapsedNanos <= 0 ? 0 : accepted * 1e9 / elapsedNanos;
    }

    /** Latency at quantile {@code q} (0.5, 0.99, 0.999) in milliseconds; NaN when nothing was sent. */
    public double latencyMillis(double q) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, index))] / 1e6;
    }

    public double maxLatencyMillis() {
        return sortedLatencyNanos.length == 0 ? Double.NaN : sortedLatencyNanos[sortedLatencyNanos.length - 1] / 1e6;
    }

    /** Whether every request was sent and accepted. */
    public boolean clean() {
        return notSent == 0 && accepted == sent;
    }

    public String summary() {
        return String.format("%s: %d sent, %d accepted, %d not sent, %.0f/s, p50 %.2f ms, p99 %.2f ms, p999 %.2f ms,"
                        + " max %.2f ms, statuses %s%s", name, sent, accepted, notSent, acceptedPerSecond(),
                latencyMillis(0.5), latencyMillis(0.99), latencyMillis(0.999), maxLatencyMillis(), statuses,
                firstError == null ? "" : ", first error: " + firstError);
    }
}
