#!/usr/bin/env bash
# Builds the web front end into web/dist, then configures and builds motcua into build/ (Release with debug info,
# warnings as errors); CMake compiles web/dist into the binary, so the front end is built first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

# The front end's packages are installed again only when package.json or package-lock.json changed since the last
# install (a stamp in web/node_modules holds their hash), so that a repeated build does not reinstall them.
build_web() {
  if [ ! -f web/package.json ]; then
    echo "build: no web/package.json; building without the web front end" >&2
    return 0
  fi
  local stamp=web/node_modules/.motcua-installed
  if [ "$(cat "$stamp" 2>/dev/null)" != "$(web_manifest_hash)" ]; then
    local install=(npm ci)
    [ -f web/package-lock.json ] || install=(npm install)  # writes package-lock.json, to be committed
    echo "build: ${install[*]} in web/"
    (cd web && "${install[@]}" --no-audit --no-fund) || { echo "build: '${install[*]}' failed in web/" >&2; exit 1; }
    web_manifest_hash >"$stamp"
  fi
  # A fresh web/dist, so that no file of an earlier build is embedded.
  rm -rf web/dist
  (cd web && npm run build) || { echo "build: the web front end failed to build ('npm run build' in web/)" >&2; exit 1; }
  [ -f web/dist/index.html ] || { echo "build: 'npm run build' made no web/dist/index.html" >&2; exit 1; }
}

web_manifest_hash() { cat web/package.json web/package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }

build_web
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOTCUA_WERROR=ON >/dev/null
cmake --build build --parallel "$(nproc)"
