#!/usr/bin/env bash
# Installs what budgetspor needs to build, run and test on Debian bookworm.
# Idempotent: runs apt-get update and install only when a package is missing,
# and npm install only when the browser-test packages are missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake pkg-config git
  libboost1.81-dev libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev
  nlohmann-json3-dev libsodium-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
  libxlsxwriter-dev libzip-dev libpugixml-dev
  libpqxx-dev libpq-dev postgresql-15
  chromium wrk curl python3-icalendar
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# Browser tests: playwright-core and axe-core from npm, with the machine's Node.
# Never let playwright download a browser; we drive Debian's /usr/bin/chromium.
if command -v npm >/dev/null 2>&1; then
  if [ ! -d "$here/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$here/tests/e2e/node_modules/axe-core" ]; then
    echo "install-deps: npm install in tests/e2e"
    (cd "$here/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
  else
    echo "install-deps: npm packages present"
  fi
else
  echo "install-deps: npm not found; browser tests will be skipped" >&2
fi
