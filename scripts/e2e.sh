#!/usr/bin/env bash
# Browser tests: the real `schakel serve --demo` on 127.0.0.1, headless Chromium (Debian's chromium and
# chromium-driver) through selenium, and axe-core on every screen (tests/e2e). Python packages come from
# PyPI into .build/e2e-venv. Screenshots and axe reports land in E2E_OUTPUT (default
# .build/e2e-output/<time>). SCHAKEL_BINARY=path uses an already built binary; otherwise this builds
# the schakel product. Extra arguments go to pytest (`-k figures`, `-x`). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH

if [ -z "${SCHAKEL_BINARY:-}" ]; then
  swift build --product schakel
  SCHAKEL_BINARY="$(swift build --show-bin-path)/schakel"
fi
export SCHAKEL_BINARY

# axe-selenium-python bundles axe-core 3.1 (2018); the current axe-core comes as the axe.min.js of
# axe-playwright-python, installed without its dependencies (playwright is not needed, nor imported).
axe_core="axe-playwright-python==0.1.8"
venv=.build/e2e-venv
wanted="$(cat tests/e2e/requirements.txt) $axe_core"
if [ ! -x "$venv/bin/pytest" ] || [ "$(cat "$venv/.installed" 2>/dev/null)" != "$wanted" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "$axe_core"
  printf '%s' "$wanted" > "$venv/.installed"
fi

export E2E_OUTPUT="${E2E_OUTPUT:-$PWD/.build/e2e-output/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$E2E_OUTPUT"
status=0
"$venv/bin/pytest" -q -p no:cacheprovider tests/e2e "$@" || status=$?
echo "e2e screenshots, axe reports and server log: $E2E_OUTPUT"
exit "$status"
