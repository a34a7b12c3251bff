#!/usr/bin/env bash
# Dossier-read benchmark: the full read of one person (bearer token check, access rule, decryption
# of identifiers, audit append) against the bare route GET /ping of the same server, with wrk at 32
# connections. Two readers: the owning organisation's social worker (Fedasil Poelkapelle), and a
# partner's job counsellor (VDAB Ieper), whose read also loads the agreement routes and the
# person's consents for the rule. A third reference, GET /api/v1/me, does nothing but the token check:
# the ceiling of any route that reads the database once per request. Prints requests per second, p50 and p99 latency, and the ratios.
# Runs on SQLite, and on PostgreSQL when BENCH_POSTGRES_URL is set.
# Talks only to 127.0.0.1.
#   Benchmarks/dossier-read.sh [seconds]      default 10
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
duration=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${SCHAKEL_BINARY:-}" ]; then swift build -c release --product schakel >/dev/null; fi
binary=$(realpath "${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}")

run() { # engine
  local engine=$1 work port server token person
  work=$(mktemp -d)
  port=$((20000 + RANDOM % 20000))
  if [ "$engine" = postgres ]; then
    export DATABASE_URL=$BENCH_POSTGRES_URL
    (cd "$work" && "$binary" demo --persons 2000 --reset >/dev/null 2>&1)
  else
    unset DATABASE_URL
  fi
  (cd "$work" && exec "$binary" serve --demo --port "$port" --log warning) >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && break; sleep 1; done
  signin() { # email -> "token organisation"
    curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
      -d "{\"email\":\"$1\",\"password\":\"schakel-demo\"}" \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["token"], d["user"]["organisationId"])'
  }
  read -r token organisation < <(signin social-worker@fedasil-poelkapelle.demo)
  read -r partner _ < <(signin job-counsellor@vdab-ieper.demo)
  # A Fedasil dossier shared with VDAB Ieper: the partner's list holds its own and shared dossiers.
  person=$(curl -fs "http://127.0.0.1:$port/api/v1/persons?per=100" -H "Authorization: Bearer $partner" \
    | python3 -c "import json,sys; print(next(p['id'] for p in json.load(sys.stdin)['items'] if p['ownerOrganisationId'] == '$organisation'))")
  curl -fs "http://127.0.0.1:$port/api/v1/persons/$person" -H "Authorization: Bearer $token" >/dev/null
  curl -fs "http://127.0.0.1:$port/api/v1/persons/$person" -H "Authorization: Bearer $partner" >/dev/null
  measure() { # name url [header]
    local out
    if [ $# -eq 3 ]; then out=$(wrk -t2 -c32 -d"${duration}s" --latency -H "$3" "$2"); else out=$(wrk -t2 -c32 -d"${duration}s" --latency "$2"); fi
    local rps p50 p99 errors
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    printf '%-9s %-14s %12s %10s %10s %8s\n' "$engine" "$1" "$rps" "$p50" "$p99" "${errors:-0}"
    echo "$rps" > "$work/$1.rps"
  }
  measure bare "http://127.0.0.1:$port/ping"
  # The floor under any personal-data route: only the bearer-token check (one indexed SELECT).
  measure token-only "http://127.0.0.1:$port/api/v1/me" "Authorization: Bearer $token"
  measure dossier-read "http://127.0.0.1:$port/api/v1/persons/$person" "Authorization: Bearer $token"
  measure partner-read "http://127.0.0.1:$port/api/v1/persons/$person" "Authorization: Bearer $partner"
  for route in token-only dossier-read partner-read; do
    local note="target >= 0.25"; [ "$route" = token-only ] && note="reference: the most any route that checks a token can reach"
    python3 -c "b=float(open('$work/bare.rps').read()); d=float(open('$work/$route.rps').read()); print(f'{\"$engine\":<9} ratio {\"$route\"}/bare: {d/b:.3f} ($note)')"
  done
  kill $server; wait $server 2>/dev/null || true
  rm -rf "$work"
}

printf '%-9s %-14s %12s %10s %10s %8s\n' engine route req_per_s p50 p99 non_2xx
run sqlite
if [ -n "${BENCH_POSTGRES_URL:-}" ]; then run postgres; fi
