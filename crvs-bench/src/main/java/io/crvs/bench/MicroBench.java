package io.crvs.bench;

import io.crvs.bench.jmh.ClaimAndProcessBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH microbenchmarks with short settings (one fork, 2 x 1 s warm-up, 3 x 1 s measurement) and
 * returns their scores; JMH's own output goes to a file. For full JMH control run {@code crvs-bench.jar jmh ...}.
 */
final class MicroBench {

    /** One benchmark's score. */
    record Score(String benchmark, String params, double score, double error, String unit) {
    }

    private MicroBench() {
    }

    static List<Score> run(Path output, List<String> forkJvmOptions) {
        Options options = new OptionsBuilder()
                .include("io\\.crvs\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .jvmArgs(forkJvmOptions.toArray(String[]::new))
                .shouldFailOnError(true)
                .output(output.toString())
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed; see " + output, e);
        }
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            var params = r.getParams();
            Map<String, String> p = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                p.put(key, params.getParam(key));
            }
            String name = params.getBenchmark().replace("io.crvs.bench.jmh.", "");
            scores.add(new Score(name, p.isEmpty() ? "" : p.toString(), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit()));
        }
        return scores;
    }

    /** Events per iteration of the claim-and-process benchmark (its score is milliseconds per iteration). */
    static int claimAndProcessEvents() {
        return ClaimAndProcessBenchmark.EVENTS_PER_ITERATION;
    }
}
