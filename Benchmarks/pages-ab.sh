#!/usr/bin/env bash
# Two builds of the pages side by side (Benchmarks/pages_ab.py): BINARY_A and BINARY_B each serve the demo
# (500 persons, SQLite, the same seed) on a free port of 127.0.0.1, and every caseworker page is asked of both in
# turn. Use it to show a change makes no page slower: build the old commit's release binary, then
#   Benchmarks/pages-ab.sh OLD_BINARY [NEW_BINARY] [REPEAT]      NEW_BINARY: this checkout's release build
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
a=$(realpath "$1")
if [ -n "${2:-}" ]; then b=$(realpath "$2"); else swift build -c release --product schakel >/dev/null; b="$(swift build -c release --show-bin-path)/schakel"; fi
work=$(mktemp -d); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
ports=()
for side in a b; do
  port=$((20000 + RANDOM % 20000)); ports+=("$port"); mkdir -p "$work/$side"
  binary=$([ "$side" = a ] && echo "$a" || echo "$b")
  (cd "$work/$side" && SCHAKEL_INSECURE_COOKIES=1 exec "$binary" serve --demo --port "$port") >"$work/$side.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
done
python3 Benchmarks/pages_ab.py "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}" "${3:-100}"
