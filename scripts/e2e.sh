#!/usr/bin/env bash
# Browser tests: the real `schakel serve --demo` on 127.0.0.1, headless Chromium (Debian's chromium and
# chromium-driver) through selenium, and axe-core on every screen (tests/e2e). Python packages come from
# PyPI into .build/e2e-venv. Screenshots and axe reports land in E2E_OUTPUT (default
# .build/e2e-output/<time>). SCHAKEL_BINARY=path uses an already built binary. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build --product schakel >/dev/null
  export SCHAKEL_BINARY="$(swift build --show-bin-path)/schakel"
fi
venv=.build/e2e-venv
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r tests/e2e/requirements.txt
fi
export E2E_OUTPUT="${E2E_OUTPUT:-$PWD/.build/e2e-output/$(date +%Y%m%d-%H%M%S)}"
"$venv/bin/pytest" -q -p no:cacheprovider tests/e2e "$@"
