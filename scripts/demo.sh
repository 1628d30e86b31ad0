#!/usr/bin/env bash
# Builds motcua, creates a demo database with the national reference data and starts the server, with a
# demonstration seal (scripts/demo-seal.sh: no legal value) that leaders sign results with.
# Usage: scripts/demo.sh [--listen ADDR:PORT]   (database: demo/motcua.db; seal and its root: demo/signing/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p demo
./build/motcua init --db demo/motcua.db --demo
export MOTCUA_SEAL_PASSWORD=${MOTCUA_SEAL_PASSWORD:-demo}
bash scripts/demo-seal.sh demo/signing
exec ./build/motcua serve --db demo/motcua.db --seal-file demo/signing/seal.p12 --trust-roots demo/signing/trust "$@"
