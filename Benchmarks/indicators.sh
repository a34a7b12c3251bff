#!/usr/bin/env bash
# Indicator benchmark: builds the demo world with a past (referrals, events, steps) at each size,
# times every indicator as the API computes it (`schakel bench indicators`, release build), and runs
# the same SQL statements in DuckDB on the same figure tables exported to it, printing the ratio.
#   Benchmarks/indicators.sh [SIZES...]        default: 100000 1000000
# DATABASE_URL=postgres://… runs on PostgreSQL (a database the script may reset); otherwise SQLite.
# SCHAKEL_BINARY=path uses an already built binary. DuckDB comes from PyPI into a virtual
# environment under .build/bench-venv (nothing else is downloaded).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build -c release --product schakel >/dev/null
fi
binary="${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
asof=2026-11-01
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
engine=$([ -n "${DATABASE_URL:-}" ] && echo postgres || echo sqlite)
for n in "${sizes[@]}"; do
  echo "== $n persons on $engine"
  if [ "$engine" = sqlite ]; then
    db="$work/world-$n.sqlite"
    "$binary" demo --persons "$n" --seed 1 --as-of "$asof" --history --database "$db" 2>/dev/null | grep -E "built|Peak"
    "$binary" bench indicators --as-of "$asof" --region 30000 --statements "$work/statements.json" --database "$db" 2>/dev/null
    export_from="sqlite:$db"
  else
    "$binary" demo --persons "$n" --seed 1 --as-of "$asof" --history --reset 2>/dev/null | grep -E "built|Peak"
    # Statistics after the bulk load, as an operator would run it (autovacuum would, later).
    psql "$DATABASE_URL" -qc "VACUUM ANALYZE" 2>/dev/null
    "$binary" bench indicators --as-of "$asof" --region 30000 --statements "$work/statements.json" 2>/dev/null
    export_from="$DATABASE_URL"
  fi
  "$venv/bin/python" Benchmarks/duckdb_compare.py "$export_from" "$work/statements.json"
  rm -f "$work"/*.sqlite*
done
