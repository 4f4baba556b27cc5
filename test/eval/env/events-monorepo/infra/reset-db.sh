#!/usr/bin/env bash
set -eu
# Drops and recreates the dev database. Needs DATABASE_URL (see apps/events-api/.env.example).
: "${DATABASE_URL:?DATABASE_URL is required}"
psql "$DATABASE_URL" -c 'drop schema public cascade; create schema public;'
echo "reset done for ${USER}"
