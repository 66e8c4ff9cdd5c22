#!/usr/bin/env bash
# Runs the JMH microbenchmarks (classes named *Benchmark under src/test/java) in forked JVMs.
#
# Usage: ops/bench/jmh.sh [JMH ARGUMENTS...] [--dry-run]
#   e.g. ops/bench/jmh.sh TokenVerification -f 2 -wi 5 -i 10
# With no arguments runs every benchmark with 1 fork, 3 warm-up and 5 measured iterations.
# shellcheck source=ops/lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
parse_common_flags "$@"
set -- "${REMAINING_ARGS[@]}"
(($#)) || set -- -f 1 -wi 3 -i 5

run ./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
[[ "$BUILDNEST_DRY_RUN" == true ]] && exit 0
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
