#!/usr/bin/env bash
# WARC input against the same pages as plain files, in one run: generates N pages (default
# 10000), packs them into one WARC file (a request and a response per page, gzip per record, as
# crawlers write them), runs pagefeed on the DirectRunner over each, and prints pages/s and the
# ratio. Also reads the WARC file whole (--warcRangeBytes above its size) to show what the ranges
# spread over the workers bring. Usage: bench/warc.sh [pages]
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q test-compile
[ -f target/pagefeed.jar ] || mvn -B -q package -DskipTests
cp="target/test-classes:target/pagefeed.jar"
java -cp "$cp" dev.pagefeed.bench.CorpusGenerator "$work/pages" "$pages" 7 > /dev/null
mkdir -p "$work/crawl"
java -cp "$cp" dev.pagefeed.bench.WarcCorpus "$work/pages" "$work/crawl/crawl.warc.gz"
export PAGEFEED_JAR=target/pagefeed.jar
timed() { # name input [options...]: prints the run's wall seconds
  local name="$1" input="$2"
  shift 2
  local start end
  start=$(date +%s.%N)
  bin/pagefeed --input="$input" --output="$work/out-$name" --quiet "$@" > "$work/$name.log" 2>&1 \
    || { cat "$work/$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
plain_s=$(timed plain "$work/pages")
warc_s=$(timed warc "$work/crawl")
whole_s=$(timed whole "$work/crawl" --warcRangeBytes=100000000000)
same=$(python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
def content(out):
    pages = {}
    for line in open(f"{w}/out-{out}/pages.jsonl", encoding="utf-8"):
        p = json.loads(line)
        pages[p["content_hash"]] = (p["title"], p["counts"])
    return pages
print("same pages" if content("plain") == content("warc") == content("whole") else "DIFFERENT pages")
PY
)
size=$(du -m "$work/crawl/crawl.warc.gz" | cut -f1)
python3 - "$pages" "$plain_s" "$warc_s" "$whole_s" "$size" "$same" <<'PY'
import sys
pages, plain, warc, whole, size, same = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
print(f"warc bench: {pages} pages; one WARC file of {size} MB (gzip per record); DirectRunner, wall time incl. start-up")
print(f"{'input':<34}{'seconds':>9}{'pages/s':>10}{'vs plain':>10}")
for name, s in (("plain files", plain), ("WARC, in ranges (1 MiB)", warc), ("WARC, read whole by one worker", whole)):
    print(f"{name:<34}{s:>9.2f}{pages / s:>10.0f}{plain / s:>10.2f}")
print(f"records: {same}")
PY
