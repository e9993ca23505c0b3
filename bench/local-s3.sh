#!/usr/bin/env bash
# An S3-compatible store on this machine, in memory, for trying pagefeed's s3:// paths without a
# cloud account: S3Proxy on loopback (buckets by path, as MinIO serves them), serving until killed.
# Usage: bench/local-s3.sh [PORT] [BUCKET...]   (9000 crawls tables)
# Then, with the cluster jar (mvn -Pflink package):
#   AWS_ACCESS_KEY_ID=pagefeed AWS_SECRET_ACCESS_KEY=pagefeed-secret \
#     java -jar target/pagefeed-flink.jar --endpoint=http://127.0.0.1:9000 --input=s3://crawls/… --output=s3://tables/…
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-9000}"
shift || true
[ $# -gt 0 ] || set -- crawls tables
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:$(cat target/test-classpath)" dev.pagefeed.bench.LocalS3 "$port" "$@"
