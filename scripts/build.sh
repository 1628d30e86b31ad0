#!/usr/bin/env bash
# Builds the web front end into web/dist, then configures and builds motcua into build/ (Release with debug info,
# warnings as errors); CMake compiles web/dist into the binary, so the front end is built first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

# A folder's npm packages are installed again only when its package.json or package-lock.json changed since the
# last install (a stamp in its node_modules holds their hash), so that a repeated build does not reinstall them.
install_node_packages() {
  local dir=$1
  local stamp=$dir/node_modules/.motcua-installed
  if [ "$(cat "$stamp" 2>/dev/null)" != "$(manifest_hash "$dir")" ]; then
    local install=(npm ci)
    [ -f "$dir/package-lock.json" ] || install=(npm install)  # writes package-lock.json, to be committed
    echo "build: ${install[*]} in $dir/"
    (cd "$dir" && "${install[@]}" --no-audit --no-fund) || { echo "build: '${install[*]}' failed in $dir/" >&2; exit 1; }
    manifest_hash "$dir" >"$stamp"
  fi
}

manifest_hash() { cat "$1/package.json" "$1/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1; }

build_web() {
  if [ ! -f web/package.json ]; then
    echo "build: no web/package.json; building without the web front end" >&2
    return 0
  fi
  install_node_packages web
  # A fresh web/dist, so that no file of an earlier build is embedded.
  rm -rf web/dist
  (cd web && npm run build) || { echo "build: the web front end failed to build ('npm run build' in web/)" >&2; exit 1; }
  [ -f web/dist/index.html ] || { echo "build: 'npm run build' made no web/dist/index.html" >&2; exit 1; }
}

# The end-to-end browser test's packages (playwright-core; the browser is Debian's chromium, from install-deps.sh).
# Installed here, so that the test itself needs only the loopback.
install_e2e_packages() {
  if [ -f tests/e2e/package.json ]; then install_node_packages tests/e2e; fi
}

build_web
install_e2e_packages
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOTCUA_WERROR=ON >/dev/null
cmake --build build --parallel "$(nproc)"
