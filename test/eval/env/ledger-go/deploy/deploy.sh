#!/usr/bin/env bash
# Deploys the ledger to the cluster named by $KUBE_CONTEXT.
set -euo pipefail

IMAGE="registry.example.test/ledger:${GIT_SHA:?GIT_SHA must be set}"
NAMESPACE=${LEDGER_NAMESPACE:-ledger}

kubectl --context "$KUBE_CONTEXT" -n "$NAMESPACE" set image deploy/ledger ledger="$IMAGE"
kubectl --context "$KUBE_CONTEXT" -n "$NAMESPACE" rollout status deploy/ledger --timeout="${ROLLOUT_TIMEOUT:-120s}"
