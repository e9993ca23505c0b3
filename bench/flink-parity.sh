#!/usr/bin/env bash
# Runs pagefeed on the DirectRunner and on an embedded Flink cluster over the seed pages and a
# generated corpus, and checks that the two write byte-identical files.
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

java -jar target/pagefeed-flink.jar --input="$work/corpus" --output="$work/direct" --quiet
java -jar target/pagefeed-flink.jar --runner=FlinkRunner --parallelism=2 --input="$work/corpus" \
  --output="$work/flink" --quiet

status=0
for file in pages.jsonl pages.csv cards.jsonl cards.csv entities.jsonl entities.csv errors.jsonl; do
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
[ "$status" = 0 ] && echo "parity: DirectRunner and FlinkRunner wrote byte-identical output ($((pages + 2)) pages)"
exit "$status"
