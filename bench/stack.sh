#!/usr/bin/env bash
# The whole stack as users run it (./paystream up), end to end with the peer's mix: see bench/README.md.
# Installs wrk from Debian if missing; builds only when the jars are missing or REBUILD=1. Options: -Dbench.*=...
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
. bench/require-wrk.sh
if [ ! -f /usr/lib/x86_64-linux-gnu/libcrypto.so.3 ]; then
  echo "bench/stack.sh: wrk's script signs events with OpenSSL's /usr/lib/x86_64-linux-gnu/libcrypto.so.3 (Debian's libssl3), which is missing" >&2
  exit 1
fi
version=0.1.0-SNAPSHOT
built=true
for jar in webhook-ingest/target/webhook-ingest-$version.jar payment-worker/target/payment-worker-$version.jar \
  catalog-sync/target/catalog-sync-$version.jar stripe-emulator/target/stripe-emulator-$version-exec.jar \
  local-stack/target/classes/io/paystream/localstack/LocalStack.class; do
  [ -f "$jar" ] || built=false
done
[ -d local-stack/target/lib ] && [ -d bench/target/lib ] || built=false
if [ "$built" = false ] || [ "${REBUILD:-}" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" "$@" io.paystream.bench.stack.StackBenchmark "$repo"
