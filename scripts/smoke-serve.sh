#!/usr/bin/env bash
# Starts the real `schakel serve --demo` in an empty folder (SQLite, or PostgreSQL when
# DATABASE_URL is set), waits for it, and checks what a first user would: health, sign-in,
# an API list, 401 without a token, and the three seed chains walked through the API
# (tests/api/seed_chains.py). Only talks to 127.0.0.1. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
swift build --product schakel >/dev/null
binary="$(swift build --show-bin-path)/schakel"
port=${SMOKE_PORT:-$((20000 + RANDOM % 20000))}
workdir=$(mktemp -d)
log="$workdir/serve.log"
(cd "$workdir" && exec "$binary" serve --demo --port "$port") >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$workdir"' EXIT

base="http://127.0.0.1:$port"
migrate_out=""
if [ -z "${DATABASE_URL:-}" ]; then
  migrate_out=$(cd "$workdir" && "$binary" migrate --yes --database migrated.sqlite 2>&1 || true)
  migrate_again=$(cd "$workdir" && "$binary" migrate --yes --database migrated.sqlite 2>&1 || true)
fi
for _ in $(seq 1 180); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$log"; echo "server exited"; exit 1; }
  sleep 1
done

passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
engine=$([ -n "${DATABASE_URL:-}" ] && echo postgres || echo sqlite)
health=$(curl -fs "$base/health" || true)
check "health answers ok on $engine" test "$health" = "{\"database\":\"$engine\",\"status\":\"ok\"}" -o "$health" = "{\"status\":\"ok\",\"database\":\"$engine\"}"
check "the banner names the demo accounts" grep -q "social-worker@fedasil-poelkapelle.demo" "$log"
if [ "$engine" = sqlite ]; then
  check "the data lives in ./schakel.sqlite" test -s "$workdir/schakel.sqlite"
  check "schakel migrate migrates a new file" grep -q "Migration successful" <<<"$migrate_out"
  check "a second migrate has nothing to do" grep -q "No new migrations" <<<"$migrate_again"
fi
token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email":"job-counsellor@vdab-gent.demo","password":"schakel-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' || true)
check "a demo account gets a token" test -n "$token"
total=$(curl -fs "$base/api/v1/organisations" -H "Authorization: Bearer $token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["total"])' || true)
check "organisations are listed" test "$total" = 28
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/organisations")
check "no token, no data (401)" test "$status" = 401
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/aanmelden")
check "the sign-in page answers" test "$status" = 200
check "the three seed chains run through the API" python3 tests/api/seed_chains.py "$base"
echo "smoke ($engine): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
