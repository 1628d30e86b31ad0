#!/usr/bin/env bash
# Configures and builds motcua into build/ (Release with debug info, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMOTCUA_WERROR=ON >/dev/null
cmake --build build --parallel "$(nproc)"
