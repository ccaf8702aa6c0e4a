#!/usr/bin/env bash
# payment-worker benchmark: see bench/README.md. Installs wrk from Debian if missing (its end-to-end phase), builds if needed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/require-wrk.sh
if [ ! -f payment-worker/target/payment-worker-0.1.0-SNAPSHOT.jar ] || [ ! -f webhook-ingest/target/webhook-ingest-0.1.0-SNAPSHOT.jar ] || [ ! -d bench/target/lib ] || [ "${REBUILD:-}" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx3g -cp "bench/target/classes:bench/target/lib/*" "$@" io.paystream.bench.worker.WorkerBenchmark "$repo"
