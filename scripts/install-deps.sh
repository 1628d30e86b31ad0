#!/usr/bin/env bash
# Installs exactly the Debian 12 packages motcua needs to build, test and run.
# Idempotent: when every package is present it returns at once without touching apt.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev            # Boost.Beast / Asio (header-only): the HTTP server
  nlohmann-json3-dev      # JSON
  libsqlite3-dev libsqlitecpp-dev   # embedded store
  libpq-dev postgresql-15 # the PostgreSQL engine (libpq), and a server for its tests (scripts/pg.sh)
  libssl-dev openssl      # SHA-256 of the dossier event hash chain (OpenSSL EVP); TLS of `serve --tls-cert`; the TLS test makes its CA
  libcsv-dev              # RFC 4180 CSV reader for the reference data
  zlib1g-dev              # the catalogue's largest table is shipped gzipped
  libutf8proc-dev         # Unicode NFC and tone-mark folding
  libsodium-dev           # Argon2id password hashes, session tokens
  libfmt-dev libspdlog-dev          # formatting and logs
  libcli11-dev            # command line
  libcairo2-dev libpango1.0-dev libqrencode-dev   # the printed forms: PDF pages, Vietnamese text, QR codes
  libqpdf-dev             # signatures: reads a PDF's objects to append a signature as an incremental update
  libp11-dev softhsm2     # signatures: officials' PKCS#11 tokens (libp11), and a software token for their tests
  fonts-liberation2       # the forms' typeface (Liberation Serif: Times New Roman's metrics, Vietnamese letters)
  poppler-utils zbar-tools   # the form tests read the PDFs back (pdftotext, pdfinfo, pdffonts, pdftoppm) and their QR codes (zbarimg)
  libgtest-dev libgmock-dev libbenchmark-dev   # tests and benchmarks
  sqlite3 curl            # used by the CLI tests (tamper checks, health probe)
  python3                 # scripts/pg.sh asks the kernel for a free port for the test PostgreSQL
  ccache                  # compiler cache: rebuilds after a small change take seconds
  clang-format            # the style check run by scripts/test.sh
  clang-19 libclang-rt-19-dev   # libFuzzer and the sanitizers of scripts/fuzz.sh (clang 14 lacks std::expected)
  nodejs npm              # builds the web front end (web/ → web/dist, compiled into the binary)
  chromium                # the browser of the end-to-end tests (headless, driven by playwright-core)
)

missing=()
for p in "${packages[@]}"; do
  # A Node.js that brings its own npm will do: NodeSource's nodejs package provides npm and conflicts with Debian's.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root or install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
