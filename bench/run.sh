#!/usr/bin/env bash
# pagefeed's benchmark: prints ratios measured in one run (absolute times are noisy on shared
# machines). Usage: bench/run.sh [pages ...]   default: 1000 10000
#   core      single-thread plain loop (decode+segment+extract+encode) MB/s, vs reading only
#   loop2     the same loop on 2 threads
#   direct    pipeline on the DirectRunner, as a share of the 1-thread loop, with peak RSS
#   flink     pipeline on an embedded Flink cluster (parallelism 2), as a share of the 2-thread loop
#   startup   an empty run's wall time
#   ms/page   each pipeline's wall time per page, JVM start included: compare it across sizes for
#             the per-page cost's growth
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000}")
[ "$#" -gt 0 ] || sizes=(1000 10000)
work="${BENCH_DIR:-$(mktemp -d)}"
mvn -B -q test-compile
[ -f target/pagefeed-flink.jar ] || mvn -B -q -Pflink package -DskipTests
cp="target/test-classes:target/pagefeed-flink.jar"

seconds_of() { python3 -c "import sys,re; t=open(sys.argv[1]).read(); m=re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', t); print((int(m.group(1) or 0)*3600)+int(m.group(2))*60+float(m.group(3)))" "$1"; }
rss_of() { grep "Maximum resident" "$1" | awk '{printf "%.0f", $6/1024}'; }

printf "machine: %s cores, %s\n" "$(nproc)" "$(free -g | awk '/Mem:/{print $2" GiB"}')"
printf "%-8s %8s %10s %10s %10s %12s %12s %12s %12s %14s %14s\n" pages MB core_MB/s read_MB/s loop2_MB/s direct/loop1 direct_RSS flink/loop2 flink_RSS direct_ms/page flink_ms/page
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  [ -d "$corpus" ] || java -cp "$cp" dev.pagefeed.bench.CorpusGenerator "$corpus" "$n" 42
  mb=$(du -sm "$corpus" | cut -f1)
  core=$(java -cp "$cp" dev.pagefeed.bench.CoreLoop "$corpus" 1 | sed 's/.*mb_per_s=//')
  read=$(java -cp "$cp" dev.pagefeed.bench.CoreLoop "$corpus" 1 read-only | sed 's/.*mb_per_s=//')
  loop2=$(java -cp "$cp" dev.pagefeed.bench.CoreLoop "$corpus" 2 | sed 's/.*mb_per_s=//')
  /usr/bin/time -v java -jar target/pagefeed-flink.jar --input="$corpus" --output="$work/out-direct-$n" --quiet \
    > /dev/null 2> "$work/direct-$n.time"
  /usr/bin/time -v java -jar target/pagefeed-flink.jar --runner=FlinkRunner --parallelism=2 --input="$corpus" \
    --output="$work/out-flink-$n" --quiet > /dev/null 2> "$work/flink-$n.time"
  bytes=$(du -sb "$corpus" | cut -f1)
  direct_s=$(seconds_of "$work/direct-$n.time"); flink_s=$(seconds_of "$work/flink-$n.time")
  python3 - "$n" "$mb" "$core" "$read" "$loop2" "$bytes" "$direct_s" "$flink_s" \
    "$(rss_of "$work/direct-$n.time")" "$(rss_of "$work/flink-$n.time")" <<'PY'
import sys
n, mb, core, read, loop2, size, direct_s, flink_s, direct_rss, flink_rss = sys.argv[1:]
core, read, loop2, size = float(core), float(read), float(loop2), int(size)
direct = size / 1e6 / float(direct_s)
flink = size / 1e6 / float(flink_s)
print(f"{n:>8} {mb:>8} {core:10.2f} {read:10.1f} {loop2:10.2f} {direct / core:12.2f} {direct_rss + ' MB':>12} "
      f"{flink / loop2:12.2f} {flink_rss + ' MB':>12} {1000 * float(direct_s) / int(n):14.2f} {1000 * float(flink_s) / int(n):14.2f}")
PY
done
mkdir -p "$work/empty" && touch "$work/empty/blank.txt"
/usr/bin/time -v java -jar target/pagefeed-flink.jar --input="$work/empty" --output="$work/out-empty" --quiet \
  > /dev/null 2> "$work/empty.time" || true
echo "startup: an empty run (one blank file) takes $(seconds_of "$work/empty.time") s wall on the DirectRunner"
