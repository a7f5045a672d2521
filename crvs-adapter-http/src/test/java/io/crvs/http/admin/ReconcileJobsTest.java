package io.crvs.http.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crvs.core.domain.ReconcileReport;
import io.crvs.core.port.in.ReconcileUseCase;
import io.crvs.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Background reconciliation runs: one at a time, progress kept, every run ends in a state. */
class ReconcileJobsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void aRun_reportsItsProgress_andEndsFinished() {
        ReconcileUseCase useCase = (command, progress) -> {
            progress.accept(ReconcileReport.start("crvs").plus(2, 1, 1, 0, 0));
            clock.advance(Duration.ofMinutes(1));
            return ReconcileReport.start("crvs").plus(3, 2, 1, 0, 0).done();
        };
        ReconcileJobs jobs = new ReconcileJobs(useCase, queued::add, clock, 50);

        ReconcileJobs.Run started = jobs.start("crvs", 2, "ada");
        assertThat(started.state()).isEqualTo(ReconcileJobs.State.RUNNING);
        assertThatThrownBy(() -> jobs.start("crvs", 2, "bob")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ApiErrorCode.CONFLICT));
        queued.get(0).run();

        ReconcileJobs.Run done = jobs.latest().orElseThrow();
        assertThat(done.state()).isEqualTo(ReconcileJobs.State.FINISHED);
        assertThat(done.progress().personsChecked()).isEqualTo(3);
        assertThat(done.endedAt()).isEqualTo(Instant.parse("2026-03-01T09:01:00Z"));
        assertThat(done.actor()).isEqualTo("ada");
    }

    @Test
    void aRunThatStopsOrThrows_endsStoppedOrFailed_andAnotherMayStart() {
        ReconcileJobs stops = new ReconcileJobs((c, p) -> ReconcileReport.start("crvs").stopped("unavailable: down"),
                Runnable::run, clock, 50);
        ReconcileJobs throwing = new ReconcileJobs((c, p) -> {
            throw new IllegalStateException("boom");
        }, Runnable::run, clock, 50);

        stops.start("crvs", 5, "ada");
        throwing.start("crvs", 5, "ada");

        assertThat(stops.latest().orElseThrow().state()).isEqualTo(ReconcileJobs.State.STOPPED);
        assertThat(stops.latest().orElseThrow().error()).isEqualTo("unavailable: down");
        assertThat(throwing.latest().orElseThrow().state()).isEqualTo(ReconcileJobs.State.FAILED);
        assertThat(throwing.latest().orElseThrow().error()).contains("boom");
        assertThat(throwing.start("crvs", 5, "ada")).isNotNull();
    }

    @Test
    void aShuttingDownExecutor_isUnavailable_andTheRunFailed() {
        ReconcileJobs jobs = new ReconcileJobs((c, p) -> ReconcileReport.start("crvs").done(), r -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }, clock, 50);

        assertThatThrownBy(() -> jobs.start("crvs", 5, "ada")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ApiErrorCode.UNAVAILABLE));
        assertThat(jobs.latest().orElseThrow().state()).isEqualTo(ReconcileJobs.State.FAILED);
    }
}
