package io.crvs.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static final long MS = 1_000_000L;

    @Test
    void latencyPercentiles_areNearestRankOverTheRequestsSent() {
        long[] latency = new long[100];
        int[] status = new int[100];
        long[] done = new long[100];
        for (int i = 0; i < 100; i++) {
            latency[i] = (100 - i) * MS; // 100 ms .. 1 ms, unsorted
            status[i] = 202;
            done[i] = i;
        }

        LoadResult r = LoadResult.of("s", 0, latency, status, done, 0, 1, null);

        assertThat(r.latencyMillis(0.5)).isEqualTo(50.0);
        assertThat(r.latencyMillis(0.99)).isEqualTo(99.0);
        assertThat(r.latencyMillis(0.999)).isEqualTo(100.0);
        assertThat(r.maxLatencyMillis()).isEqualTo(100.0);
    }

    @Test
    void requestsNeverSent_areCountedApartAndRejectedOnesAreNotAccepted() {
        long[] latency = {5 * MS, -1, 7 * MS, -1};
        int[] status = {202, 0, 401, 0};
        long[] done = {2_000_000_000L, 0, 1_000_000_000L, 0};

        LoadResult r = LoadResult.of("s", 0, latency, status, done, 0, 1, "401");

        assertThat(r.sent()).isEqualTo(2);
        assertThat(r.notSent()).isEqualTo(2);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.statuses()).isEqualTo(java.util.Map.of(202, 1, 401, 1));
        assertThat(r.acceptedPerSecond()).isEqualTo(0.5); // one accepted over the 2 s until the last answer
        assertThat(r.clean()).isFalse();
    }
}
