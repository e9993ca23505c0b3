#!/usr/bin/env bash
# pagefeed's benchmark: prints ratios measured in one run (absolute times are noisy on shared
# machines). Usage: bench/run.sh [pages ...]   default: 1000 10000
#   core      single-thread plain loop (decode+segment+extract+encode) MB/s, warm, vs reading only
#   loop2     the same loop on 2 threads, warm
#   direct    pipeline on the DirectRunner, as a share of the 1-thread loop, with peak RSS
#   flink     pipeline on an embedded Flink cluster (parallelism 2), as a share of the 2-thread loop
#   startup   an empty run's wall time on each runner
#   ms/page   each pipeline's wall time per page, JVM start included; "net" subtracts the empty
#             run's time (start-up); "marginal" is what each page beyond the previous size cost,
#             (T(n) - T(previous n)) / (n - previous n), start-up and JIT warm-up excluded; "loop1
#             ms/p" is the 1-thread loop's first pass per page, the same cost for a plain program
# Each loop runs its files twice in one JVM: the first pass ("cold": JIT, tables, as a program
# that runs once would) and the second ("warm"). Ratios are given against both. Every JVM, loops
# included, gets the launcher's settings (bin/pagefeed; PAGEFEED_JAVA_OPTS overrides them).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ "$#" -gt 0 ] || sizes=(1000 10000)
work="${BENCH_DIR:-$(mktemp -d)}"
mvn -B -q test-compile
[ -f target/pagefeed-flink.jar ] || mvn -B -q -Pflink package -DskipTests
cp="target/test-classes:target/pagefeed-flink.jar"
export PAGEFEED_JAR=target/pagefeed-flink.jar
opts="$(bin/pagefeed --java-opts)"

seconds_of() { python3 -c "import sys,re; t=open(sys.argv[1]).read(); m=re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', t); print((int(m.group(1) or 0)*3600)+int(m.group(2))*60+float(m.group(3)))" "$1"; }
rss_of() { grep "Maximum resident" "$1" | awk '{printf "%.0f", $6/1024}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
loop() { java $opts -cp "$cp" dev.pagefeed.bench.CoreLoop "$@"; }
# pipeline NAME DIR [options...]: one timed run into $work/out-NAME, removed afterwards (its files
# would otherwise crowd the page cache of the next run).
pipeline() {
  local name="$1" input="$2"
  shift 2
  /usr/bin/time -v bin/pagefeed --input="$input" --output="$work/out-$name" --quiet "$@" > /dev/null 2> "$work/$name.time" \
    || { cat "$work/$name.time" >&2; exit 1; }
  rm -rf "$work/out-$name"
}

mkdir -p "$work/empty" && touch "$work/empty/blank.txt"
pipeline empty-direct "$work/empty"
pipeline empty-flink "$work/empty" --runner=FlinkRunner --parallelism=2
empty_direct=$(seconds_of "$work/empty-direct.time")
empty_flink=$(seconds_of "$work/empty-flink.time")

printf "machine: %s cores, %s; JVM settings: %s\n" "$(nproc)" "$(free -g | awk '/Mem:/{print $2" GiB"}')" "$opts"
printf "%-8s %6s %9s %9s %9s %18s %10s %18s %10s %11s %22s %22s\n" pages MB core_MB/s read_MB/s loop2_MB/s \
  "direct/loop1 w,c" direct_RSS "flink/loop2 w,c" flink_RSS "loop1 ms/p" "direct ms/p,net,marg" "flink ms/p,net,marg"
previous="0 0 0"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  [ -d "$corpus" ] || java -cp "$cp" dev.pagefeed.bench.CorpusGenerator "$corpus" "$n" 42
  mb=$(du -sLm "$corpus" | cut -f1)
  bytes=$(du -sLb "$corpus" | cut -f1)
  one=$(loop "$corpus" 1)
  read=$(loop "$corpus" 1 read-only | field mb_per_s)
  two=$(loop "$corpus" 2)
  pipeline "direct-$n" "$corpus"
  pipeline "flink-$n" "$corpus" --runner=FlinkRunner --parallelism=2
  python3 - "$n" "$mb" "$bytes" "$read" "$(field seconds <<< "$one")" "$(field cold_seconds <<< "$one")" \
    "$(field seconds <<< "$two")" "$(field cold_seconds <<< "$two")" \
    "$(seconds_of "$work/direct-$n.time")" "$(seconds_of "$work/flink-$n.time")" \
    "$(rss_of "$work/direct-$n.time")" "$(rss_of "$work/flink-$n.time")" "$empty_direct" "$empty_flink" \
    $previous <<'PY'
import sys
n, mb, size, read = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
one_warm, one_cold, two_warm, two_cold, direct_s, flink_s = map(float, sys.argv[5:11])
direct_rss, flink_rss = sys.argv[11:13]
empty_direct, empty_flink = map(float, sys.argv[13:15])
before, direct_before, flink_before = int(sys.argv[15]), float(sys.argv[16]), float(sys.argv[17])
rate = lambda seconds: size / 1e6 / seconds
marginal = lambda now, then: f"{1000 * (now - then) / (n - before):5.2f}" if before else "    -"
print(f"{n:>8} {mb:>6} {rate(one_warm):9.2f} {read:9.1f} {rate(two_warm):9.2f} "
      f"{one_warm / direct_s:8.2f},{one_cold / direct_s:5.2f}    {direct_rss + ' MB':>10} "
      f"{two_warm / flink_s:8.2f},{two_cold / flink_s:5.2f}    {flink_rss + ' MB':>10} "
      f"{1000 * one_cold / n:11.2f} "
      f"{1000 * direct_s / n:9.2f},{1000 * (direct_s - empty_direct) / n:5.2f},{marginal(direct_s, direct_before)} "
      f"{1000 * flink_s / n:9.2f},{1000 * (flink_s - empty_flink) / n:5.2f},{marginal(flink_s, flink_before)}")
PY
  previous="$n $(seconds_of "$work/direct-$n.time") $(seconds_of "$work/flink-$n.time")"
done
echo "startup: an empty run (one file) takes ${empty_direct} s wall on the DirectRunner, ${empty_flink} s on Flink"
