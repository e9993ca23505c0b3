#!/usr/bin/env bash
# Runs pagefeed on the DirectRunner and on an embedded Flink cluster over the seed pages and a
# generated corpus, and checks that the two write byte-identical files; then changes a few pages
# and checks the same of an --incremental run on each; then of the pages packed into one WARC file;
# then of a run that writes each file as 4 shards (--shards=4).
# Usage: bench/flink-parity.sh [pages]   (after mvn verify; builds target/pagefeed-flink.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -f target/pagefeed-flink.jar ] || mvn -B -q -Pflink package -DskipTests
[ -d target/test-classes ] || mvn -B -q test-compile
java -cp target/test-classes dev.pagefeed.bench.CorpusGenerator "$work/corpus" "$pages" 7
cp input/*.txt "$work/corpus/"

run_both() { # extra options for both runs (INPUT: what they read, the corpus by default)
  java -jar target/pagefeed-flink.jar --input="${INPUT:-$work/corpus}" --output="$work/direct" --quiet "$@"
  # FLINK_ARGS: more options for the Flink run, e.g. a session cluster's --flinkMaster (bench/flink-cluster.sh).
  # shellcheck disable=SC2086
  java -jar target/pagefeed-flink.jar --runner=FlinkRunner --parallelism=2 ${FLINK_ARGS:-} --input="${INPUT:-$work/corpus}" \
    --output="$work/flink" --quiet "$@"
}

status=0
compare() { # every file the DirectRunner's manifest lists (a file's shards when --shards is set)
  for file in $(python3 -c "import json,sys; print(' '.join(f['name'] for f in json.load(open(sys.argv[1]))['files']))" \
      "$work/direct/manifest.json"); do
    if cmp -s "$work/direct/$file" "$work/flink/$file"; then
      echo "same: $file ($(wc -l < "$work/direct/$file") lines)"
    else
      echo "DIFFERENT: $file"
      status=1
    fi
  done
  # The manifests differ only if the runs did: compare them without their options.
  python3 - "$work/direct/manifest.json" "$work/flink/manifest.json" <<'PY' || status=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
same = a["files"] == b["files"] and a["counters"] == b["counters"] and a["run_id"] == b["run_id"]
print(("same" if same else "DIFFERENT") + ": manifest.json (files, counters, run id)")
sys.exit(0 if same else 1)
PY
}

run_both
compare
# An incremental run after a few pages changed: every 50th file gets a sentence more.
for file in $(ls "$work/corpus" | sort | awk 'NR % 50 == 1'); do
  printf '\n本页已更新,咨询电话12345。\n' >> "$work/corpus/$file"
done
run_both --incremental
compare
reused=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['counters']['sources_reused'])" "$work/flink/manifest.json")
echo "incremental: $reused files reused on Flink, $(wc -l < "$work/flink/changes.jsonl") pages changed"
# The same pages as one WARC file (gzip per record), read in 256 KB ranges spread over the workers.
mkdir -p "$work/crawl"
java -cp target/test-classes:target/pagefeed-flink.jar dev.pagefeed.bench.WarcCorpus "$work/corpus" "$work/crawl/crawl.warc.gz"
rm -rf "$work/direct" "$work/flink"
INPUT="$work/crawl" run_both --warcRangeBytes=262144
compare
# Each record file as 4 shards.
rm -rf "$work/direct" "$work/flink"
run_both --shards=4
compare
[ "$status" = 0 ] && echo "parity: DirectRunner and FlinkRunner (${FLINK_LABEL:-embedded cluster}) wrote byte-identical output ($((pages + 2)) pages, full and incremental, as one WARC file read in ranges, and in 4 shards)"
exit "$status"
