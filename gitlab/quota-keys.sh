#!/bin/sh
# quota-keys in a GitLab CI job: runs dist/cli.js (found relative to this script) with the job's
# arguments and environment, and exits with its exit code (the README's table: 0 ok, 1 failed,
# 2 bad input, 3 alert with --fail-on-alert, 130/143 interrupted).
# POSIX sh: node:*-alpine images have no bash.
#
#   sh gitlab/quota-keys.sh batch --count 10 --limit 100 --output "keys-$CI_PIPELINE_ID.csv"
#
# The admin token comes from ADMIN_TOKEN, else from the CI/CD variable QUOTA_PROXY_ADMIN_TOKEN
# (mark it masked and protected); the server from --url or QUOTA_PROXY_URL. Outputs go to
# quota-keys.env (--dotenv FILE) for `artifacts: reports: dotenv`.
set -eu

root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
cli="$root/dist/cli.js"

if ! command -v node >/dev/null 2>&1; then
  echo "quota-keys: node was not found on PATH. Run the job in an image with Node.js 22.19 or later, such as node:24-alpine." >&2
  exit 1
fi
# Without NODE_OPTIONS: a module it preloads may print to stdout too.
# undici 8 (the HTTP client) needs Node.js 22.19 or later.
version=$(NODE_OPTIONS='' node -p 'process.versions.node.split(".").slice(0, 2).join(".")' 2>/dev/null || echo 0)
major=${version%%.*}
minor=${version#"$major"}
minor=${minor#.}
case "$major" in
  '' | *[!0-9]*) major=0 ;;
esac
case "$minor" in
  '' | *[!0-9]*) minor=0 ;;
esac
if [ "$major" -lt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -lt 19 ]; }; then
  echo "quota-keys: Node.js 22.19 or later is needed, this is $(node --version 2>/dev/null || echo 'an unknown version'). Use an image such as node:24-alpine." >&2
  exit 1
fi
if [ ! -f "$cli" ]; then
  echo "quota-keys: $cli is missing: keep dist/ next to gitlab/ (as in the quota-keys repository)." >&2
  exit 1
fi

if [ -z "${ADMIN_TOKEN:-}" ] && [ -n "${QUOTA_PROXY_ADMIN_TOKEN:-}" ]; then
  ADMIN_TOKEN=$QUOTA_PROXY_ADMIN_TOKEN
  export ADMIN_TOKEN
fi

exec node "$cli" "$@"
