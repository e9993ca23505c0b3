#!/usr/bin/env bash
# Times every extractor on 1 MB hostile texts (and the seed pages, for scale); prints MB/s.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.pagefeed.bench.HostileTextBenchmark
