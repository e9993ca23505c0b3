#!/usr/bin/env bash
# A real Flink session cluster: starts a JobManager and two TaskManagers as separate JVMs from the
# Flink runner's jars (target/pagefeed-flink.jar; no Flink distribution is needed), submits pagefeed
# to it with --flinkMaster over the seeds and a generated corpus, full and incremental, checks the
# output is byte-identical to the DirectRunner's (bench/flink-parity.sh), and stops the cluster
# whatever happens. Given page counts after it, it then measures the submitting JVM's heap: a
# full run over that many small pages (bench/small_corpus.py) for each, with its peak live heap
# (sampled after a full collection every 2 s) and its live heap at the commit, and the largest
# count's peak over the smallest's.
# Usage: bench/flink-cluster.sh [pages] [client-heap pages...]   (builds target/pagefeed-flink.jar
#   when it is missing), e.g. bench/flink-cluster.sh 300 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-300}"
heap_sizes=("${@:2}")
[ -f target/pagefeed-flink.jar ] || mvn -B -q -Pflink package -DskipTests
jar="$PWD/target/pagefeed-flink.jar"
work="$(mktemp -d)"
pids=()

stop() {
  status=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" != 0 ]; then
    for log in "$work"/*.log; do
      echo "--- last lines of $(basename "$log")"
      tail -n 20 "$log"
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rest_port="$(free_port)"
rpc_port="$(free_port)"

mkdir -p "$work/conf"
cat > "$work/conf/flink-conf.yaml" <<CONF
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: localhost
taskmanager.bind-host: localhost
taskmanager.host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $rest_port
taskmanager.numberOfTaskSlots: 1
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 1600m
taskmanager.memory.network.min: 160m
taskmanager.memory.network.max: 160m
execution.batch.adaptive.auto-parallelism.enabled: false
CONF

echo "flink-cluster: starting a JobManager (REST port $rest_port) and two TaskManagers"
java -cp "$jar" org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$work/conf" \
  > "$work/jobmanager.log" 2>&1 &
pids+=($!)

# The TaskManager's JVM flags and settings, as Flink's own scripts compute them from the config.
params="$(java -cp "$jar" org.apache.flink.runtime.util.bash.BashJavaUtils GET_TM_RESOURCE_PARAMS --configDir "$work/conf" \
  | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p')"
jvm_flags="$(echo "$params" | sed -n 1p)"
settings="$(echo "$params" | sed -n 2p)"
for tm in tm1 tm2; do
  # shellcheck disable=SC2086
  java $jvm_flags -cp "$jar" org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$work/conf" \
    $settings -D taskmanager.resource-id="$tm" > "$work/$tm.log" 2>&1 &
  pids+=($!)
done

for _ in $(seq 1 90); do
  if curl -sf "http://localhost:$rest_port/overview" | grep -q '"taskmanagers":2'; then
    break
  fi
  sleep 1
done
curl -sf "http://localhost:$rest_port/overview" | grep -q '"taskmanagers":2' \
  || { echo "flink-cluster: the cluster did not come up with two TaskManagers in 90 s"; exit 1; }
echo "flink-cluster: up: $(curl -sf "http://localhost:$rest_port/overview")"

FLINK_ARGS="--flinkMaster=localhost:$rest_port --filesToStage=$jar" \
  FLINK_LABEL="session cluster, a JobManager and two TaskManagers" bash bench/flink-parity.sh "$pages"
# Progress comes from the run's Beam metrics, which the driver polls from the cluster: a run that
# prints its lines must end on every file counted (the pages were processed in the TaskManagers).
progress="$(java -jar "$jar" --runner=FlinkRunner --parallelism=2 --flinkMaster="localhost:$rest_port" \
  --filesToStage="$jar" --input=input --output="$work/progress-run" 2>&1 | grep '^pagefeed: [0-9]*/[0-9]* files' || true)"
echo "$progress" | sed 's/^/flink-cluster: progress line: /'
seeds="$(ls input | wc -l)"
echo "$progress" | tail -n 1 | grep -q "^pagefeed: $seeds/$seeds files, $seeds pages" \
  || { echo "flink-cluster: the progress line did not count the pages done in the TaskManagers"; exit 1; }
jobs_done="$(curl -sf "http://localhost:$rest_port/jobs/overview" | python3 -c 'import json, sys; print(sum(1 for j in json.load(sys.stdin)["jobs"] if j["state"] == "FINISHED"))')"
echo "flink-cluster: $jobs_done jobs finished on the session cluster"
[ "$jobs_done" -ge 3 ] || { echo "flink-cluster: the runs did not go to the session cluster"; exit 1; }

# Why the last failed job failed, as the JobManager tells it (the TaskManagers' logs say nothing).
failed_job() {
  curl -sf "http://localhost:$rest_port/jobs/overview" | python3 -c '
import json, sys, urllib.request
jobs = [j for j in json.load(sys.stdin)["jobs"] if j["state"] == "FAILED"]
for job in jobs[-1:]:
    url = "http://localhost:'"$rest_port"'/jobs/" + job["jid"] + "/exceptions"
    trace = json.load(urllib.request.urlopen(url)).get("root-exception", "")
    # The first line and every cause, not the frames of the runner: the last cause is what went wrong.
    lines = trace.splitlines()
    causes = [l for l in lines if l.startswith("Caused by")]
    print("flink-cluster: job", job["jid"], "failed:", lines[0] if lines else "")
    for cause in causes:
        print("  " + cause[:500])
' || true
}

# The submitting JVM's heap, per corpus size: nothing it holds may grow with the crawl.
peaks=()
for size in "${heap_sizes[@]}"; do
  python3 bench/small_corpus.py "$work/heap-$size" "$size"
  started=$(date +%s.%N)
  java -Xmx256m -Xlog:gc:file="$work/heap-$size.gc" -Dpagefeed.reportHeap=true -Dpagefeed.sampleHeap=true -jar "$jar" --runner=FlinkRunner \
    --parallelism=2 --flinkMaster="localhost:$rest_port" --filesToStage="$jar" --quiet \
    --input="$work/heap-$size/pages" --output="$work/heap-$size/out" > "$work/heap-$size.log" 2>&1 \
    || { echo "flink-cluster: the run over $size pages failed"; tail -n 20 "$work/heap-$size.log"; failed_job; exit 1; }
  wall=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  read -r peak young live < <(python3 - "$work/heap-$size.gc" "$work/heap-$size.log" <<'PY'
import re, sys
pauses = re.findall(r"(\d+)M->(\d+)M\(", open(sys.argv[1]).read())
log = open(sys.argv[2]).read()
live = re.search(r"live heap at the commit ([\d.]+) MB, peak live heap ([\d.]+) MB", log)
print(live.group(2) if live else "-", max(int(a) for _, a in pauses) if pauses else 0, live.group(1) if live else "-")
PY
)
  echo "flink-cluster: client heap at $size pages: peak live heap $peak MB (after a full collection every 2 s), live heap at the commit $live MB; the collector's log: highest after a young collection $young MB, $(grep -c 'Pause' "$work/heap-$size.gc") collections; $wall s"
  peaks+=("$peak")
  rm -rf "$work/heap-$size"
done
if [ "${#peaks[@]}" -ge 2 ]; then
  python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'flink-cluster: client peak live heap at {sys.argv[4]} pages / at {sys.argv[3]} pages: {b / max(a, 1):.2f}')" \
    "${peaks[0]}" "${peaks[-1]}" "${heap_sizes[0]}" "${heap_sizes[-1]}"
fi
