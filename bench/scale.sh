#!/usr/bin/env bash
# Crawl-sized runs, in one run of this script: generates PAGES small page files (default 100000,
# each a title and a few sentences, about 400 bytes) and one WARC file of RECORDS small responses
# (default 300000, a gzip member per record), then
#   - per --shards (1 and 16): a full run, an unchanged --incremental run and one after 1% of the
#     pages changed; wall times net of an empty run's (start-up), their ratios to the full run,
#     and peak RSS;
#   - the WARC file, full and then --incremental, on the DirectRunner with -Xmx256m: whether each
#     succeeds, and its wall time.
# Usage: bench/scale.sh [PAGES] [RECORDS]   (CI runs a small size)
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-100000}"
records="${2:-300000}"
work="${BENCH_DIR:-$(mktemp -d)}"
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
[ -f target/pagefeed.jar ] || mvn -B -q package -DskipTests
jar=target/pagefeed.jar

python3 bench/small_corpus.py "$work" "$pages" "$records"
mkdir -p "$work/empty"
printf '空页\n\n一句话。\n' > "$work/empty/one.txt"

timed() { # LABEL [java options] -- [pagefeed options]: prints wall seconds, peak RSS (MB), exit status
  local label="$1"; shift
  local jvm=()
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
  local status=0
  /usr/bin/time -v java -Dpagefeed.reportHeap=true "${jvm[@]}" -jar "$jar" --quiet "$@" > "$work/$label.out" 2> "$work/$label.time" || status=$?
  python3 - "$work/$label.time" "$status" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', t)
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1)) // 1024
heap = re.search(r'live heap at the commit ([\d.]+) MB', t)
print(int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3)), rss, sys.argv[2], heap.group(1) if heap else "-")
PY
}

# A run that failed stops the table: its time would read as a measurement.
check() { # LABEL STATUS
  [ "$2" = 0 ] && return 0
  echo "scale: the $1 run failed (exit $2): $(grep -m1 -E 'Exception|Error' "$work/$1.time" || true)"
  exit 1
}

# Start-up: the faster of two empty runs (the first also warms the file cache).
read -r empty1 _ _ _ < <(timed empty -- --input="$work/empty" --output="$work/out-empty")
read -r empty2 _ _ _ < <(timed empty -- --input="$work/empty" --output="$work/out-empty")
empty=$(python3 -c "print(min($empty1, $empty2))")
printf "machine: %s cores, %s; %s small pages, a WARC file of %s records; start-up (an empty run) %.1f s\n" \
  "$(nproc)" "$(free -g | awk '/Mem:/{print $2" GiB"}')" "$pages" "$records" "$empty"
printf "%7s %9s %12s %22s %9s %22s %22s %20s\n" shards full_s unchanged_s "unchanged/full net,gross" 1%_s "1%/full net,gross" "RSS MB full/unch/1%" "live heap MB full/1%"
for shards in 1 16; do
  out="$work/out-$shards"
  rm -rf "$out"
  cp -r "$work/pages" "$work/pages-$shards"
  read -r full full_rss status full_heap < <(timed "full-$shards" -- --input="$work/pages-$shards" --output="$out" --shards="$shards")
  check "full-$shards" "$status"
  read -r same same_rss status _ < <(timed "same-$shards" -- --input="$work/pages-$shards" --output="$out" --shards="$shards" --incremental)
  check "same-$shards" "$status"
  python3 - "$work/pages-$shards" <<'PY'
import os, sys
files = sorted(os.listdir(sys.argv[1]))
for name in files[::100]:
    with open(os.path.join(sys.argv[1], name), "a", encoding="utf-8") as f:
        f.write("本页已于今日更新,如有疑问请致电12345。\n")
PY
  read -r one one_rss status one_heap < <(timed "one-$shards" -- --input="$work/pages-$shards" --output="$out" --shards="$shards" --incremental)
  check "one-$shards" "$status"
  rm -rf "$work/pages-$shards"
  python3 - "$shards" "$empty" "$full" "$same" "$one" "$full_rss/$same_rss/$one_rss" "$full_heap/$one_heap" <<'PY'
import sys
shards, empty, full, same, one, rss, heap = sys.argv[1], *map(float, sys.argv[2:6]), sys.argv[6], sys.argv[7]
net = lambda t: max(t - empty, 0.0)
ratios = lambda t: f"{net(t) / max(net(full), 0.01):.2f}, {t / full:.2f}"
print(f"{shards:>7} {full:9.1f} {same:12.1f} {ratios(same):>22} {one:9.1f} {ratios(one):>22} {rss:>22} {heap:>20}")
PY
done
echo "(net: (run - empty run) / (full run - empty run), 0 when a run is quicker than an empty one, as an unchanged"
echo " run is: it starts no pipeline; gross: run / full run)"
read -r wfull wfull_rss wfull_status wfull_heap < <(timed warc-full -Xmx256m -- --input="$work/crawl" --output="$work/out-warc")
read -r wsame wsame_rss wsame_status _ < <(timed warc-same -Xmx256m -- --input="$work/crawl" --output="$work/out-warc" --incremental)
verdict() { [ "$1" = 0 ] && echo ok || echo "FAILED (exit $1: $(grep -h -m1 -o -E '(OutOfMemoryError|Exception)[^"]*' "$work/$2.time" "$work/$2.out" 2>/dev/null | head -1 || true))"; }
printf "WARC of %s records at -Xmx256m: full %s in %.1f s (RSS %s MB, live heap at the commit %s MB); incremental %s in %.1f s (RSS %s MB)\n" \
  "$records" "$(verdict "$wfull_status" warc-full)" "$wfull" "$wfull_rss" "$wfull_heap" "$(verdict "$wsame_status" warc-same)" "$wsame" "$wsame_rss"
[ "$wfull_status" = 0 ] && [ "$wsame_status" = 0 ] || exit 1
