#!/usr/bin/env bash
# Makes a demonstration seal for `motcua serve --seal-file`: a root CA of its own (DIR/trust/root.pem, for
# --trust-roots) and an electronic seal it issues (DIR/seal.p12, its password $MOTCUA_SEAL_PASSWORD, "demo" when
# unset). Both say in their names that they have no legal value: a real seal comes from a licensed CA, its root
# from the national root CA or VGCA. Does nothing when DIR already holds both.
# Usage: scripts/demo-seal.sh DIR ["the seal's holder"]
set -euo pipefail
dir=${1:?usage: demo-seal.sh DIR [HOLDER]}
holder=${2:-"UBND xã Vân Sơn"}
[[ -f $dir/seal.p12 && -f $dir/trust/root.pem ]] && exit 0
mkdir -p "$dir/trust"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$work/root.key" -out "$dir/trust/root.pem" -days 3650 -utf8 \
  -subj "/C=VN/O=motcua (thử nghiệm)/CN=motcua Demo Root CA - không có giá trị pháp lý" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req "${ec[@]}" -keyout "$work/seal.key" -out "$work/seal.csr" -utf8 \
  -subj "/C=VN/O=$holder/CN=$holder (con dấu thử nghiệm)" 2>/dev/null
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' >"$work/ext"
openssl x509 -req -in "$work/seal.csr" -CA "$dir/trust/root.pem" -CAkey "$work/root.key" -days 730 \
  -set_serial "0x$(openssl rand -hex 8)" -extfile "$work/ext" -out "$work/seal.pem" 2>/dev/null
MOTCUA_SEAL_PASSWORD=${MOTCUA_SEAL_PASSWORD:-demo} openssl pkcs12 -export -inkey "$work/seal.key" -in "$work/seal.pem" \
  -certfile "$dir/trust/root.pem" -out "$dir/seal.p12" -passout env:MOTCUA_SEAL_PASSWORD
chmod 644 "$dir/trust/root.pem"
