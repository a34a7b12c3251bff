#!/usr/bin/env bash
# Offer-import benchmark: the release build's `serve --demo` (500 persons, SQLite, or DATABASE_URL) on a
# free port of 127.0.0.1; an administrator loads a large offer file (default 53 576 offers, 3.9 MB, spread
# over every organisation) while other users read dossiers through the API and as a page (Benchmarks/offer_import.py).
# Prints the import's time and the readers' p50/p99 before, during and after it, then the time to refuse
# one provider's file over the per-provider limit.      Benchmarks/offer-import.sh [OFFERS] [READERS]
# SCHAKEL_BINARY=path uses an already built binary (e.g. an older build, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build -c release --product schakel >/dev/null
fi
binary=$(realpath "${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}")
port=$((20000 + RANDOM % 20000))
work=$(mktemp -d)
(cd "$work" && SCHAKEL_INSECURE_COOKIES=1 exec "$binary" serve --demo --port "$port" --log warning) >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
python3 Benchmarks/offer_import.py "http://127.0.0.1:$port" "${1:-53576}" "${2:-4}"
