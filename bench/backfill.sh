#!/usr/bin/env bash
# Issue 12's backfill benchmark: ./paystream up, the emulator seeded with a large account, one backfill through
# catalog-sync, Kafka and payment-worker. See bench/README.md ("Backfill"). Options: -Dbench.backfill.customers=...,
# paymentIntents, subscriptions, invoices, rateLimit (100), timeoutMinutes (30).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ ! -d bench/target/lib ] || [ ! -f local-stack/target/classes/io/paystream/localstack/LocalStack.class ] \
  || [ "${REBUILD:-}" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" "$@" io.paystream.bench.stack.BackfillBenchmark "$repo"
