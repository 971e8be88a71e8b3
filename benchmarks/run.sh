#!/usr/bin/env bash
# Runs the JMH benchmarks of this module and writes docs/performance.md and docs/performance.svg.
#
#   benchmarks/run.sh [quick|full] [JMH include regex ...]
#
#   quick  (default) 1 fork, 1 x 1 s warm-up, 3 x 1 s measured per benchmark: about 5 s
#          per benchmark on an idle 2-core machine, 8 s at a load of 20 (shared machine).
#   full   2 forks, 5 x 2 s warm-up, 10 x 2 s measured per benchmark: about a minute each.
#   Both add JMH's gc profiler, for the bytes allocated per message. After JMH, when the
#   channel classes ran, dev.weft.bench.Interleaved runs their workloads again, every system
#   once per round (30 rounds quick, 100 full, under two minutes), for the report's
#   round-by-round comparison.
#
# With no regex every benchmark class of the module runs (the channel classes WeftChannels,
# JdkQueues, JoxChannels, and any other class, which the report lists under "Other
# measurements"); regexes select benchmarks as JMH does, e.g. 'WeftChannels|JoxChannels'.
# Needs Maven and a JDK 21+ ($WEFT_BENCH_JAVA, $JAVA_HOME, or the newest in /usr/lib/jvm).
set -euo pipefail

mode=${1:-quick}
[ $# -gt 0 ] && shift
case "$mode" in
  quick) jmh_opts=(-f 1 -wi 1 -w 1s -i 3 -r 1s -prof gc) ;;
  full)  jmh_opts=(-f 2 -wi 5 -w 2s -i 10 -r 2s -prof gc) ;;
  *) echo "usage: benchmarks/run.sh [quick|full] [JMH include regex ...]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The java with the highest feature version among the candidates, if that is 21 or more.
find_java() {
  local best="" best_v=0 j v
  for j in "${WEFT_BENCH_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java \
           "$(command -v java || true)"; do
    [ -n "$j" ] && [ -x "$j" ] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ {print $2}')
    v=${v#1.}; v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -gt "$best_v" ]; then best=$j; best_v=$v; fi
  done
  if [ "$best_v" -lt 21 ]; then
    echo "run.sh: no JDK 21 or newer found; set WEFT_BENCH_JAVA or JAVA_HOME to one" >&2
    exit 1
  fi
  echo "$best $best_v"
}
read -r java java_version < <(find_java)

# Build unless the jar is newer than every source and pom it is made from (a rebuild costs
# minutes on a loaded 2-core machine, and JMH's forks must all run the same jar).
jar=benchmarks/target/benchmarks.jar
if [ -f "$jar" ] && [ -z "$(find pom.xml runtime/pom.xml runtime/src benchmarks/pom.xml \
      benchmarks/src -newer "$jar" -print -quit)" ]; then
  echo "== $jar is up to date"
else
  echo "== building $jar"
  mvn -q -pl benchmarks -am package -DskipTests
fi

# JMH 1.37 reads fields through sun.misc.Unsafe, which JDK 23+ warns about; JMH's forks
# inherit this JVM's flags, so one flag here quiets them all.
jvm_flags=()
if [ "$java_version" -ge 23 ]; then
  jvm_flags=(--sun-misc-unsafe-memory-access=allow)
fi

# JMH runs benchmarks in name order, which would put every JDK benchmark first, then Jox's,
# then Weft's, minutes apart; on a shared machine whose speed changes under a run, that alone
# can make one system look several times faster. So with no regex JMH runs once per channel
# workload, its three systems back to back, then once for every other class; with regexes,
# once, as asked. The report reads all the result files as one run.
if [ $# -eq 0 ]; then
  selections=('\.W1_' '\.W2_' '\.W3_' '\.W4_' '\.W5_' '\.W5b_' '\.W7_' '-e \.W[0-9]+b?_')
else
  selections=("$*")
fi
jmh_base=(java "${jvm_flags[@]}" -jar "$jar" "${jmh_opts[@]}")
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
started=$(date +%s)
log=benchmarks/target/jmh-$mode.log
rm -f benchmarks/target/jmh-$mode-*.json "$log"
jsons=()
k=0
for selection in "${selections[@]}"; do
  k=$((k + 1))
  json=benchmarks/target/jmh-$mode-$k.json
  read -ra selected <<< "$selection"
  jmh_cmd=("${jmh_base[@]}" -rf json -rff "$json" "${selected[@]}")
  echo "== ${jmh_cmd[*]}   (java: $java)"
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock (two runs would skew each
  # other on a shared machine): wait for it, up to half an hour.
  for attempt in $(seq 1 180); do
    rc=0
    "$java" "${jmh_cmd[@]:1}" 2>&1 | tee -a "$log" | tee benchmarks/target/jmh-last.log || rc=$?
    grep -q "Unable to acquire the JMH lock" benchmarks/target/jmh-last.log || break
    echo "== another JMH run holds /tmp/jmh.lock; retrying in 10 s (attempt $attempt of 180)"
    sleep 10
  done
  if [ "$rc" -ne 0 ] || [ ! -s "$json" ]; then
    echo "run.sh: JMH failed (exit $rc); see $log" >&2
    exit 1
  fi
  jsons+=("$json")
done
jmh_seconds=$(( $(date +%s) - started ))
echo "== JMH took $jmh_seconds s"
if [ ${#selections[@]} -gt 1 ]; then
  jmh_text="${jmh_base[*]} -rf json -rff benchmarks/target/jmh-$mode-K.json SELECTION, once for each SELECTION of: ${selections[*]}"
else
  jmh_text="${jmh_cmd[*]}"
fi

# The channel workloads again, every system once per round (see dev.weft.bench.Interleaved):
# JMH meets each system at a different time, and this machine may change in between. Only
# when the run includes the channel classes, with the flags of their JMH forks.
interleaved=()
if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qE 'WeftChannels|JdkQueues|JoxChannels'; then
  case "$mode" in quick) rounds=30 ;; full) rounds=100 ;; esac
  table=benchmarks/target/interleaved-$mode.md
  il_cmd=(java -Xms1g -Xmx1g -cp "$jar" dev.weft.bench.Interleaved "$rounds" --md "$table")
  echo "== ${il_cmd[*]}"
  "$java" "${il_cmd[@]:1}"
  interleaved=(--interleaved "$table" --interleaved-command "${il_cmd[*]}")
fi

extra=""
[ -f benchmarks/outside-jmh.md ] && extra=benchmarks/outside-jmh.md
"$java" -cp "$jar" dev.weft.bench.report.Report \
  --json "$(IFS=,; echo "${jsons[*]}")" --md docs/performance.md --svg docs/performance.svg \
  --command "benchmarks/run.sh $mode${*:+ $*}" --jmh-command "$jmh_text" \
  --load-before "$load_before" --jmh-seconds "$jmh_seconds" \
  "${interleaved[@]}" ${extra:+--extra "$extra"}
