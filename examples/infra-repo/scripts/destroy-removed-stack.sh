#!/usr/bin/env bash
# Destroy the AWS resources of a grant whose file was removed. Its stack is no longer in the app (cdktf cannot
# destroy what it no longer synthesizes), so this plans and applies a destroy from the stack's LAST committed
# Terraform, which holds its backend (same state key) and providers.
#   scripts/destroy-removed-stack.sh <stack> <ref-where-it-still-exists>
set -euo pipefail
stack="$1"
ref="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Same depth as generated/stacks/<stack>, so relative paths in the stack (local state) mean the same.
dir="$work/generated/stacks/$stack"
mkdir -p "$dir"
git show "$ref:generated/stacks/$stack/cdk.tf.json" >"$dir/cdk.tf.json"
terraform -chdir="$dir" init -input=false -no-color
terraform -chdir="$dir" destroy -input=false -no-color -auto-approve
