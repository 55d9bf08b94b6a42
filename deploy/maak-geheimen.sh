#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Makes the secret files deploy/compose.yaml mounts, once, with random values. Keep them out
# of version control and back them up apart from the database: without the pseudonym key
# and the signing key, the data cannot be matched and the log's checkpoints not verified.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p geheimen
maak() { [ -e "geheimen/$1" ] || printf '%s' "$2" > "geheimen/$1"; }
wachtwoord=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
maak postgres_wachtwoord "$wachtwoord"
maak integraal_database_url \
  "postgresql+psycopg://integraal:$(cat geheimen/postgres_wachtwoord)@postgres:5432/integraal"
maak integraal_pseudoniem_sleutel "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
maak integraal_metrics_token "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
if [ ! -e geheimen/logboek-ondertekening.pem ]; then
  openssl genpkey -algorithm ed25519 -out geheimen/logboek-ondertekening.pem
fi
echo "Geheimen staan in $(pwd)/geheimen"
