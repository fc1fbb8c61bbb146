#!/usr/bin/env bash
# Which stacks a commit range touches, from the committed generated Terraform (kept exact by `kinesis-access
# verify`): prints "deploy <stack>" for added or changed stacks and "destroy <stack>" for removed ones.
#   scripts/changed-stacks.sh <base-ref> <head-ref>
set -euo pipefail
base="$1"
head="$2"
git diff --no-renames --name-status "$base" "$head" -- 'generated/stacks/*/cdk.tf.json' |
  while IFS=$'\t' read -r status file; do
    stack="$(basename "$(dirname "$file")")"
    case "$status" in
      A | M) echo "deploy $stack" ;;
      D) echo "destroy $stack" ;;
      *) echo "changed-stacks: unexpected git status $status for $file" >&2; exit 1 ;;
    esac
  done
