#!/usr/bin/env bash
# Builds motcua, creates a demo database with the national reference data and starts the server.
# Usage: scripts/demo.sh [--listen ADDR:PORT]   (database: demo/motcua.db)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p demo
./build/motcua init --db demo/motcua.db --demo
exec ./build/motcua serve --db demo/motcua.db "$@"
