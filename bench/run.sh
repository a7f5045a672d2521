#!/usr/bin/env bash
# Runs the CRVS Receiver benchmark's standard set and prints one table (about 5 minutes on 2 cores).
#
#   bench/run.sh                       build (server jar + benchmark jar), then run the standard set
#   bench/run.sh --no-jmh              without the JMH microbenchmarks
#   bench/run.sh --quick               a fifth of the requests (smoke test, about 2 minutes)
#   bench/run.sh backfill              the optional long scenario: 1,000,000 events in 100-event notifies
#   bench/run.sh --set workers.count=8 a server setting (as in a --config file); repeatable
#
# Environment: SKIP_BUILD=1 reuses the jars already built; MVN_FLAGS="-o" builds offline; BENCH_JVM sets the
# load generator's JVM options (default -Xmx2g; the backfill uses -Xmx4g). The server's JVM options are printed with
# the table (change them with --server-jvm "..."). Results are also written to crvs-bench/target/results/.
# See docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

command="run"
if [ "${1:-}" = "backfill" ] || [ "${1:-}" = "run" ]; then
  command="$1"
  shift
fi

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "building crvs-app/target/crvs.jar and crvs-bench/target/crvs-bench.jar ..." >&2
  build_log="$(mktemp)"
  # shellcheck disable=SC2086
  if ! mvn -B -ntp ${MVN_FLAGS:-} -pl crvs-bench -am package -DskipTests > "$build_log" 2>&1; then
    tail -50 "$build_log" >&2
    echo "the build failed; its whole log: $build_log" >&2
    exit 1
  fi
  rm -f "$build_log"
fi

jvm="${BENCH_JVM:--Xmx2g}"
if [ "$command" = "backfill" ] && [ -z "${BENCH_JVM:-}" ]; then
  jvm="-Xmx4g"
fi
mkdir -p crvs-bench/target/results
out="crvs-bench/target/results/$command-$(date -u +%Y%m%dT%H%M%SZ).md"
# shellcheck disable=SC2086
java $jvm -jar crvs-bench/target/crvs-bench.jar "$command" --crvs-jar crvs-app/target/crvs.jar --out "$out" "$@"
echo "table written to $out" >&2
