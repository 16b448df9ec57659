#!/usr/bin/env bash
# The whole platform on this machine, in one JVM, with one command:
#
#   infra/local/run.sh [--port 8080] [--data-dir <path>]
#
# DynamoDB Local, cognito-local, S3Proxy and the local API gateway that serves template.yaml's
# HTTP API with the real Lambda handlers. Without --data-dir everything is in memory and gone
# on Ctrl-C; with it, tables, users and objects are kept there between runs.
#
# What it does: installs the npm packages if missing or outdated (npm ci), builds every module
# (the functions' target/lambda/lib is what the gateway loads), then starts
# com.huiqi.local.LocalStackMain with plain `java`, so Ctrl-C reaches its shutdown hook directly.
#
# Environment:
#   SKIP_BUILD=1   start without building (faster restarts when nothing changed)
#   JAVA_OPTS      extra JVM options, e.g. JAVA_OPTS=-Xmx1g
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/infra/local-stack"

# npm packages with a committed package-lock.json; `npm ci` installs exactly that.
for package in cognito-local fauxqs; do
  dir="$ROOT/infra/$package"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing $package (npm ci --prefix infra/$package)..."
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
done

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (mvn -B -q -DskipTests install)..."
  modules=()
  # The end-to-end suites are not part of what runs; skipping them keeps the build short.
  if [ -f "$ROOT/tests/pom.xml" ]; then
    modules=(-pl '!tests')
  fi
  (cd "$ROOT" && mvn -B -q -DskipTests install "${modules[@]}")
fi

if [ ! -f "$MODULE/target/run-classpath.txt" ]; then
  echo "infra/local-stack is not built; run without SKIP_BUILD=1" >&2
  exit 1
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} \
  -Dsqlite4java.library.path="$MODULE/target/native" \
  -Dhuiqi.repoRoot="$ROOT" \
  -cp "$MODULE/target/classes:$(cat "$MODULE/target/run-classpath.txt")" \
  com.huiqi.local.LocalStackMain "$@"
