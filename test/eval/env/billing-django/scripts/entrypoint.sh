#!/bin/sh
set -e

# Wait for the database to accept connections
until pg_isready -d "$DATABASE_URL" >/dev/null 2>&1; do
  echo "waiting for database..."
  sleep 1
done

if [ "$RUN_MIGRATIONS" = "1" ]; then
  python manage.py migrate --noinput
fi

for app in invoices payments; do
  echo "checking $app"
done

exec "$@"
