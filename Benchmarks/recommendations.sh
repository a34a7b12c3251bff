#!/usr/bin/env bash
# Recommendation benchmark (issue 5): one person against 10 000 offers (target under 5 ms per query)
# and one offer against 100 000 persons (target under 200 ms), in release mode, each next to a
# baseline scan over the same data measured in the same run. Synthetic data only; no server.
#   Benchmarks/recommendations.sh [repetitions]      default 30
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then swift build -c release --product schakel >/dev/null; fi
binary=$(realpath "${SCHAKEL_BINARY:-$(swift build -c release --show-bin-path)/schakel}")
"$binary" bench recommendations --repetitions "${1:-30}"
