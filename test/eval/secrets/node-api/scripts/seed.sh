#!/usr/bin/env bash
set -euo pipefail
# Seeds a local database for development.
DB_HOST=${DB_HOST:-localhost}
DB_USER=${DB_USER:-orders}
PGPASSWORD="${DB_PASSWORD:?set DB_PASSWORD}" psql -h "$DB_HOST" -U "$DB_USER" -f scripts/seed.sql
export SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3pvbmxTH5QKLfvkU1nfb6dhhazqnZJVe7SvS4bLZw9Z3aoNV_u3S2wMhB2xXJ_68bETvfeFQU2_vKBbU9fyhfZlEMaNpuI0lTNlkSuDJH
npx @sentry/cli releases new "$(git rev-parse HEAD)"
API_TOKEN=$(cat /run/secrets/api_token)
curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.acme-shop.io/internal/seed
