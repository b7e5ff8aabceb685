#!/usr/bin/env bash
# Runs the whole platform: embedded PostgreSQL, the four subgraphs, the gateway and demo data, in one JVM.
# Ctrl-C stops everything. Pass --rebuild to force a build; other arguments go to every app (e.g. --debug).
set -euo pipefail
cd "$(dirname "$0")"
. bin/select-jdk.sh

jar=stack/target/ventusvault-stack-exec.jar
rebuild=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--rebuild" ]; then rebuild=true; else args+=("$arg"); fi
done
# Build when the jar is missing or any source, SDL or POM is newer than it.
if $rebuild || [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o -path '*/target' -prune -o \
    \( -name '*.java' -o -name '*.graphqls' -o -name '*.graphql' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' \) \
    -newer "$jar" -print -quit)" ]; then
  echo "Building (first run takes a few minutes)..."
  ./mvnw -q -B -ntp -DskipTests install
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "${args[@]+"${args[@]}"}"
