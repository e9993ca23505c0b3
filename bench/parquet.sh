#!/usr/bin/env bash
# What Parquet output costs and gives, in one run: over N generated pages (bench's standard corpus,
# default 10000), a run with --formats=jsonl,csv and one with --formats=jsonl,csv,parquet (zstd), then
# the bytes of each record file in JSONL, CSV and Parquet (zstd and snappy), the time Parquet adds
# to a run, and a DuckDB query (examples/entities_by_kind.sql) over JSONL against Parquet.
# Usage: bench/parquet.sh [pages]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="${BENCH_DIR:-$(mktemp -d)}"
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mvn -B -q test-compile
[ -f target/pagefeed.jar ] || mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="target/test-classes:target/pagefeed.jar:$(cat "$work/cp.txt")"
corpus="$work/crawl-$n"
rm -rf "$corpus" "$work"/out-*
java -cp "$cp" dev.pagefeed.bench.CorpusGenerator "$corpus" "$n" 42

timed() { # OUTPUT [pagefeed options]: prints wall seconds
  local out="$1"; shift
  local started; started=$(date +%s.%N)
  java -jar target/pagefeed.jar --quiet --input="$corpus" --output="$out" "$@" > "$out.log" 2>&1
  python3 -c "import time; print(f'{time.time() - $started:.1f}')"
}

plain=$(timed "$work/out-plain")
zstd=$(timed "$work/out-zstd" --formats=jsonl,csv,parquet)
snappy=$(timed "$work/out-snappy" --formats=jsonl,csv,parquet --parquetCompression=snappy)
printf "machine: %s cores; %s pages\n" "$(nproc)" "$n"
printf "run: jsonl,csv %s s; with Parquet (zstd) %s s (+%s%%); with Parquet (snappy) %s s\n" "$plain" "$zstd" \
  "$(python3 -c "print(round(100 * ($zstd - $plain) / $plain))")" "$snappy"
printf "%-10s %14s %14s %16s %16s %12s\n" file jsonl_bytes csv_bytes parquet_zstd parquet_snappy jsonl/zstd
for kind in pages cards entities errors sources changes; do
  j=$(stat -L -c %s "$work/out-zstd/$kind.jsonl")
  c=$([ -f "$work/out-zstd/$kind.csv" ] && stat -L -c %s "$work/out-zstd/$kind.csv" || echo -)
  z=$(stat -L -c %s "$work/out-zstd/$kind.parquet")
  s=$(stat -L -c %s "$work/out-snappy/$kind.parquet")
  printf "%-10s %14s %14s %16s %16s %12s\n" "$kind" "$j" "$c" "$z" "$s" "$(python3 -c "print(f'{$j / max($z, 1):.1f}')")"
done
java -cp "$cp" dev.pagefeed.bench.QueryTimes "$work/out-zstd"
