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
# The key pair of the internal tokens (CONTRACT.md, Internal tokens).
if [[ -e "$dir/internal-jwt-private.pem" ]]; then
  echo "kept    ${dir#"$PWD"/}/internal-jwt-private.pem"
else
  umask 077
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/internal-jwt-private.pem" 2>/dev/null
  openssl pkey -in "$dir/internal-jwt-private.pem" -pubout -out "$dir/internal-jwt-public.pem"
  echo "created ${dir#"$PWD"/}/internal-jwt-private.pem and internal-jwt-public.pem"
fi
