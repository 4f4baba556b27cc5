#!/usr/bin/env bash
set -euo pipefail

DB_URL="${DATABASE_URL:-postgres://shop:shop@localhost:5432/shop}"
SEED_FILE=${1:-seeds/dev.sql}

echo "Seeding $DB_URL from $SEED_FILE"
psql "$DB_URL" -f "$SEED_FILE"

if [[ -n "${SEED_ADMIN_EMAIL:-}" ]]; then
  psql "$DB_URL" -c "insert into admins(email) values ('$SEED_ADMIN_EMAIL')"
fi
