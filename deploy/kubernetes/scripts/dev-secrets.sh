#!/usr/bin/env bash
# Fills the dev overlay's secret env files with random values, from the committed templates.
# Existing files are kept (so a re-run does not change passwords PostgreSQL already holds).
# The values stay on this machine: *.env is git-ignored.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../overlays/${1:-dev}/secrets" && pwd)"
for template in "$dir"/*.env.example; do
  target="${template%.example}"
  if [[ -e "$target" ]]; then
    echo "kept    ${target#"$PWD"/}"
    continue
  fi
  umask 077
  while IFS= read -r line; do
    case "$line" in
      ''|'#'*) printf '%s\n' "$line" ;;
      # Mailpit takes any login: no SMTP credentials in dev.
      SMTP_USER=*|SMTP_PASSWORD=*) printf '%s\n' "$line" ;;
      *=) printf '%s%s\n' "$line" "$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done < "$template" > "$target"
  echo "created ${target#"$PWD"/}"
done
# The two key pairs of the internal tokens, the gateway's and the services' (CONTRACT.md, Internal tokens).
for who in gateway service; do
  key="$dir/internal-jwt-$who-private.pem"
  if [[ -e "$key" ]]; then
    echo "kept    ${key#"$PWD"/}"
    continue
  fi
  umask 077
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
  openssl pkey -in "$key" -pubout -out "$dir/internal-jwt-$who-public.pem"
  echo "created ${key#"$PWD"/} and internal-jwt-$who-public.pem"
done
