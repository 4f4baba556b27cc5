#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
java -jar target/inventory.jar --spring.profiles.active=batch >> /var/log/inventory/batch-stdout.log 2>&1
