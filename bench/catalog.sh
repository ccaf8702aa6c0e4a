#!/usr/bin/env bash
# catalog-sync benchmark: see bench/README.md. Builds if needed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ ! -f catalog-sync/target/catalog-sync-0.1.0-SNAPSHOT.jar ] || [ ! -d bench/target/lib ] || [ "${REBUILD:-}" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" "$@" io.paystream.bench.catalog.CatalogBenchmark "$repo"
