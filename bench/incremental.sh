#!/usr/bin/env bash
# Incremental re-ingestion benchmark: a full run over N generated pages, then --incremental runs
# over the same pages unchanged and with 1% of them changed. Prints each as a ratio to the full
# run (absolute times are noisy on shared machines), gross and net of start-up (an empty run's wall
# time, one page, subtracted from each). Usage: bench/incremental.sh [pages]  (10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="${BENCH_DIR:-$(mktemp -d)}"
mvn -B -q test-compile
[ -f target/pagefeed.jar ] || mvn -B -q package -DskipTests
cp="target/test-classes:target/pagefeed.jar"
corpus="$work/crawl-$n"
rm -rf "$corpus" "$work/out-$n"
java -cp "$cp" dev.pagefeed.bench.CorpusGenerator "$corpus" "$n" 42

timed() { # label, args...: runs pagefeed, prints wall seconds and peak RSS (MB)
  local label="$1"; shift
  /usr/bin/time -v bin/pagefeed --quiet "$@" > "$work/$label.out" 2> "$work/$label.time"
  python3 - "$work/$label.time" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)', t)
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1)) // 1024
print(int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3)), rss)
PY
}

mkdir -p "$work/empty-$n"
printf '空页\n\n一句话。\n' > "$work/empty-$n/one.txt"
read -r empty empty_rss < <(timed empty --input="$work/empty-$n" --output="$work/out-empty-$n")
read -r full full_rss < <(timed full --input="$corpus" --output="$work/out-$n")
read -r same same_rss < <(timed unchanged --input="$corpus" --output="$work/out-$n" --incremental)
# 1% of the pages change: a sentence appended to every 100th file.
python3 - "$corpus" <<'PY'
import os, sys
files = sorted(os.listdir(sys.argv[1]))
for name in files[::100]:
    with open(os.path.join(sys.argv[1], name), "a", encoding="utf-8") as f:
        f.write("\n本页已于今日更新,如有疑问请致电12345。\n")
print(f"changed {len(files[::100])} of {len(files)} files", file=sys.stderr)
PY
read -r one one_rss < <(timed one-percent --input="$corpus" --output="$work/out-$n" --incremental)
changes=$(wc -l < "$work/out-$n/changes.jsonl")
printf "machine: %s cores, %s\n" "$(nproc)" "$(free -g | awk '/Mem:/{print $2" GiB"}')"
python3 - "$n" "$full" "$same" "$one" "$full_rss" "$same_rss" "$one_rss" "$changes" "$empty" <<'PY'
import sys
n, full, same, one, full_rss, same_rss, one_rss, changes, empty = sys.argv[1:]
full, same, one, empty = float(full), float(same), float(one), float(empty)
net = lambda t: max(t - empty, 0.0) / max(full - empty, 1e-9)
print(f"{'pages':>8} {'empty_s':>8} {'full_s':>8} {'unchanged_s':>12} {'1%_s':>8} {'unchanged/full (net, gross)':>28} {'1%/full (net, gross)':>22} {'RSS MB (full, unchanged, 1%)':>30}")
print(f"{n:>8} {empty:8.1f} {full:8.1f} {same:12.1f} {one:8.1f} {net(same):14.2f}, {same / full:.2f}{'':>7} {net(one):11.2f}, {one / full:.2f}{'':>4} {full_rss + ', ' + same_rss + ', ' + one_rss:>30}")
print(f"the 1% run's changes.jsonl has {changes} lines")
PY
