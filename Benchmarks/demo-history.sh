#!/usr/bin/env bash
# Demo history benchmark: the past of each demo person (trajectory steps, referrals and their events), per person,
# next to a baseline measured in the same run (making the persons' profiles). Release build, no database.
#   Benchmarks/demo-history.sh [PERSONS] [ROUNDS]      default: 20000 5
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then swift build -c release --product schakel >/dev/null; fi
binary=$(realpath "${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}")
"$binary" bench history --persons "${1:-20000}" --rounds "${2:-5}"
