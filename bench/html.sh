#!/usr/bin/env bash
# Main-content benchmark: runs pagefeed over a main-text benchmark's HTML pages, writes each page's
# main text (lead, then article blocks, one per line) and scores it against the gold with the
# benchmark's scorer, beside the stored outputs of other extractors on the same pages. On sets of
# text with spaces between words (aeb), a word-level F1 (bench/word_f1.py) is printed beside the
# character-bag one: it sees words glued together by lost spaces, which a bag of letters cannot.
# WORD_SETS (default "aeb") names the sets it is printed for.
# Usage: bench/html.sh BENCH_DIR [SET ...]
#   BENCH_DIR holds one folder per set (default sets: zh aeb), each with html/, gold/ and
#   optionally pred/<tool>/, and score_text.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ ! -f "$1/score_text.py" ]; then
  echo "usage: bench/html.sh BENCH_DIR [SET ...]  (BENCH_DIR holds score_text.py and the sets)" >&2
  exit 2
fi
bench="$(cd "$1" && pwd)"
shift
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(zh aeb)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="target/classes:target/test-classes:$(cat "$work/cp.txt")"

mean() { # GOLD PRED SET → the scorer's summary: mean (per page) and micro P, R, F1; word F1 for spaced text
  local line
  line="$(python3 "$bench/score_text.py" "$1" "$2" --quiet | tail -1)"
  if [[ " ${WORD_SETS:-aeb} " == *" $3 "* ]]; then
    line="$line | $(python3 bench/word_f1.py "$1" "$2")"
  fi
  echo "$line"
}

for set in "${sets[@]}"; do
  echo "== $set ($(ls "$bench/$set/html" | wc -l) pages)"
  refused="$(java -cp "$cp" dev.pagefeed.bench.MainTextBench "$bench/$set/html" "$work/$set/pagefeed")"
  printf '%-16s %s\n' "pagefeed" "$(mean "$bench/$set/gold" "$work/$set/pagefeed" "$set")"
  echo "                 ($refused)"
  if [ -d "$bench/$set/pred" ]; then
    for tool in "$bench/$set/pred"/*/; do
      printf '%-16s %s\n' "$(basename "$tool")" "$(mean "$bench/$set/gold" "$tool" "$set")"
    done
  fi
done
