#!/usr/bin/env bash
# webhook-ingest benchmark: see bench/README.md. Installs wrk from Debian if missing, builds if needed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/require-wrk.sh
if [ ! -f webhook-ingest/target/webhook-ingest-0.1.0-SNAPSHOT.jar ] || [ ! -d bench/target/lib ] || [ "${REBUILD:-}" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" "$@" io.paystream.bench.ingest.IngestBenchmark "$repo"
