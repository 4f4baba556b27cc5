#!/bin/bash
# Imports an OSM extract into PostGIS.
set -euo pipefail

REGION="${1:-europe/monaco}"
OSM_MIRROR="${OSM_MIRROR:-https://download.geofabrik.example.test}"
target_dir=$(mktemp -d)

curl -fsSL "$OSM_MIRROR/$REGION-latest.osm.pbf" -o "$target_dir/extract.pbf"
osm2pgsql --create --slim -d "$GEO_DATABASE_URL" --cache "${OSM2PGSQL_CACHE_MB:-800}" "$target_dir/extract.pbf"
rm -rf "$target_dir"
