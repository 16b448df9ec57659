#!/usr/bin/env bash
# Lints template.yaml with cfn-guard against every AWS Control Tower proactive control that
# applies to its resources (DynamoDB, S3, KMS, IAM, Lambda, API Gateway, Cognito, ...).
#
# One control is excluded on purpose:
#   ct-s3-pr-10 (default encryption with KMS): AccessLogBucket receives S3 server access logs,
#   and log delivery only writes to buckets encrypted with SSE-S3; every other bucket uses the
#   customer key.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ -d "$here/node_modules/@cdklabs/cdk-validator-cfnguard" ] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null
pkg="$here/node_modules/@cdklabs/cdk-validator-cfnguard"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) guard="$pkg/bin/ubuntu/x86_64/cfn-guard" ;;
  Linux/aarch64) guard="$pkg/bin/ubuntu/aarch64/cfn-guard" ;;
  Darwin/arm64) guard="$pkg/bin/macos/aarch64/cfn-guard" ;;
  Darwin/x86_64) guard="$pkg/bin/macos/x86_64/cfn-guard" ;;
  *) echo "no cfn-guard binary for $(uname -s)/$(uname -m)" >&2; exit 2 ;;
esac
chmod +x "$guard"
rules=()
while IFS= read -r rule; do rules+=(--rules "$rule"); done < <(
  find "$pkg/rules/control-tower/cfn-guard" -name '*.guard' ! -name 'ct-s3-pr-10.guard' | sort)
"$guard" validate --data "$repo/template.yaml" "${rules[@]}" --show-summary fail
echo "template.yaml: no violation of ${#rules[@]} Control Tower controls (cfn-guard $("$guard" --version | awk '{print $2}'))"
