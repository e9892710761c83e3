#!/bin/sh
# A drop-in for the old tool: put this file where automate-trial-key-generation.sh was, and the
# scripts that call it (the cron check that greps `使用率`, the rotation that cuts `list` lines at
# `|`) run unchanged on quota-keys. The commands and flags are the same; list, usage and monitor
# print the old tool's lines (--format legacy). QUOTA_KEYS says how to start quota-keys (default:
# the `quota-keys` of `npm install --global quota-keys`).
QUOTA_KEYS_FORMAT="${QUOTA_KEYS_FORMAT:-legacy}"
export QUOTA_KEYS_FORMAT
# shellcheck disable=SC2086 # QUOTA_KEYS may be a command with arguments (`node /opt/quota-keys/dist/cli.js`)
exec ${QUOTA_KEYS:-quota-keys} "$@"
