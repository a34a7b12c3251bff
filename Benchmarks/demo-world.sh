#!/usr/bin/env bash
# Demo-world benchmark: builds the world at each size on a fresh SQLite file (or on PostgreSQL
# with DATABASE_URL) with the release binary, and prints the time, persons per second and peak
# memory, next to a baseline measured in the same run: generating the same persons without
# writing them. The ratio is what the database costs on top of generation.
#   Benchmarks/demo-world.sh [SIZES...]      default: 100000 1000000
# SCHAKEL_BINARY=path uses an already built binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build -c release --product schakel >/dev/null
fi
binary="${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
engine=$([ -n "${DATABASE_URL:-}" ] && echo postgres || echo sqlite)
printf '%-10s %-8s %12s %12s %10s %14s %12s\n' persons engine baseline_s build_s ratio persons_per_s peak_MiB
for n in "${sizes[@]}"; do
  base=$("$binary" demo --persons "$n" --seed 1 --as-of 2026-11-01 --dry-run --database "$work/dry.sqlite" 2>/dev/null)
  base_s=$(echo "$base" | sed -n 's/.* in \([0-9.]*\) s\./\1/p')
  rm -f "$work"/*.sqlite*
  if [ "$engine" = sqlite ]; then
    out=$("$binary" demo --persons "$n" --seed 1 --as-of 2026-11-01 --database "$work/demo-$n.sqlite" 2>/dev/null)
  else
    out=$("$binary" demo --persons "$n" --seed 1 --as-of 2026-11-01 --reset 2>/dev/null)
  fi
  build_s=$(echo "$out" | sed -n 's/Demo world built in \([0-9.]*\) s.*/\1/p')
  peak=$(echo "$out" | sed -n 's/Peak memory: \([0-9]*\) MiB\./\1/p')
  ratio=$(python3 -c "print(f'{$build_s/max($base_s,0.001):.1f}x')")
  rate=$(python3 -c "print(f'{$n/max($build_s,0.001):,.0f}')")
  printf '%-10s %-8s %12s %12s %10s %14s %12s\n' "$n" "$engine" "$base_s" "$build_s" "$ratio" "$rate" "$peak"
  rm -f "$work"/*.sqlite*
done
