#!/usr/bin/env bash
# Fails if any C++ file differs from .clang-format (STYLE.md §8). Fix with:
#   clang-format -i $(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'fuzz/*.cc' 'fuzz/*.h')
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not installed" >&2; exit 1; }
git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'fuzz/*.cc' 'fuzz/*.h' | xargs clang-format --dry-run --Werror
echo "check-format: every C++ file follows .clang-format"
