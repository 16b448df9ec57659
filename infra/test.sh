#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls exactly this):
#   1. installs the npm tools the suite needs (cognito-local, cfn-guard rules, contract tools),
#   2. lints template.yaml and the OpenAPI contract and checks the generated TypeScript types are current,
#   3. builds everything and runs every JUnit suite with Maven: unit tests, then the end-to-end,
#      contract, isolation and role suites in tests/ against one local stack.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

for dir in infra/cognito-local infra/fauxqs infra/lint frontend-contract; do
  if [ ! -d "$dir/node_modules" ]; then
    echo "== npm ci in $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done

echo "== lint template.yaml"
infra/lint/lint-template.sh

echo "== lint the OpenAPI contract and check the TypeScript types are generated from it"
npm run --prefix frontend-contract --silent lint
npm run --prefix frontend-contract --silent check-types

echo "== build and test"
mvn -B -ntp verify
