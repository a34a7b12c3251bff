#!/usr/bin/env bash
# Page benchmark: the release build's `serve --demo` (500 persons, SQLite, or DATABASE_URL) on a free port
# of 127.0.0.1, then every caseworker page timed as a signed-in browser asks for it (Benchmarks/pages.py):
# median and p90 per page and the ratio to GET /ping in the same run.   Benchmarks/pages.sh [REPEAT]
# SCHAKEL_BINARY=path uses an already built binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build -c release --product schakel >/dev/null
fi
binary="${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}"
port=$((20000 + RANDOM % 20000))
work=$(mktemp -d)
(cd "$work" && SCHAKEL_INSECURE_COOKIES=1 exec "$binary" serve --demo --port "$port") >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
python3 Benchmarks/pages.py "http://127.0.0.1:$port" "${1:-30}"
