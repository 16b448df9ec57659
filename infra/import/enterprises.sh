#!/usr/bin/env bash
# Imports a CSV or XLSX of enterprise data into a center through the API, with a progress bar.
#   infra/import/enterprises.sh --user sip-kjj data.csv                  # the local stack (infra/local/run.sh)
#   infra/import/enterprises.sh --api https://... --token "$JWT" data.xlsx
# The file's format: docs/enterprise-import.md.
set -euo pipefail
exec node "$(dirname "${BASH_SOURCE[0]}")/enterprises.mjs" "$@"
