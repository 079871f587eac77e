#!/usr/bin/env bash
# Offline checks for the Helm charts in helm/ (no cluster needed):
#   helm dependency build → helm lint --strict → helm template → kube-score →
#   kubernetes-validate --strict → house-rule checks → bad values must fail to render.
#
# Tools are built once into a per-user cache outside the clone, keyed by version, and reused:
#   helm and kube-score with `go install` (about 2 minutes on 2 cores the first time),
#   kubernetes-validate in a Python venv from PyPI.
#
# kube-linter (golang.stackrox.io/kube-linter) cannot be had here: the Go module proxy answers
# 403 "not available" for its version list and every version tried. kube-score covers the
# same ground (security context, probes, resources, PDB, NetworkPolicy, selectors), and
# helm/tests/check_rendered.py asserts the house rules kube-score does not.
#
# Usage: bash deploy/scripts/helm-check.sh
# Env:   XDG_CACHE_HOME (root of the tool cache, default ~/.cache)
set -euo pipefail

HELM_VERSION=v3.22.0
KUBE_SCORE_VERSION=v1.20.0
KUBERNETES_VALIDATE_VERSION=1.37.0
# Kubernetes versions the manifests must be valid for: the chart's kubeVersion floor and the
# newest the pinned kubernetes-validate bundles. Rendering uses the floor (so the chart's
# kubeVersion gate is exercised); lint and kube-score use the newest (stricter deprecations).
KUBE_MIN=1.30.0
KUBE_MAX=1.37.0

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHART="$ROOT/helm/customer-club"
LIB="$ROOT/helm/club-lib"
RELEASE=club
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/customer-club/tools

# kube-score tests skipped for every profile (keep this list short; say why for each):
KUBE_SCORE_IGNORES=(
  # Wants imagePullPolicy: Always so a pod cannot use a private image another pod pulled onto
  # the node. Our tags are immutable release versions, Always would make every pod start
  # depend on the registry being up, and clusters that share nodes between tenants enforce
  # this with the AlwaysPullImages admission plugin. image.pullPolicy can still be set to Always.
  container-image-pull-policy
)
# A profile can add kube-score arguments with a `# kube-score-args: …` line (e.g. ignoring the
# checks for features that profile turns off on purpose, or --exit-one-on-warning).

die() { echo "helm-check: $*" >&2; exit 1; }
step() { echo "== $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/helm-check.XXXXXX")
BUILD_TMP=()
cleanup() {
  rm -rf "$WORK"
  local d
  for d in "${BUILD_TMP[@]+"${BUILD_TMP[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$CACHE"

# go_tool NAME VERSION PACKAGE [extra go install flags…] — sets TOOL to the cached binary.
# Built into a temp dir beside the cache entry and renamed into place, so an interrupted
# build never leaves a half-written entry behind (the EXIT trap removes the temp dir; one
# left by a hard kill is swept on a later run).
go_tool() {
  local name=$1 version=$2 pkg=$3
  shift 3
  local dir="$CACHE/$name-$version"
  TOOL="$dir/$name"
  [[ -x "$TOOL" ]] && return
  command -v go >/dev/null || die "go is needed to build $name $version (Go toolchain not on PATH)"
  find "$CACHE" -maxdepth 1 -name ".$name-$version.*" -mmin +180 -exec rm -rf {} +
  echo "building $name $version once into cache $dir (a minute or two on 2 cores) …"
  local started=$SECONDS tmp
  tmp=$(mktemp -d "$CACHE/.$name-$version.XXXXXX")
  BUILD_TMP+=("$tmp")
  # Run outside any Go module so the repository's own files cannot influence the build.
  (cd "$tmp" && GOBIN="$tmp" GOFLAGS="${GOFLAGS:-} -trimpath" go install "$@" "$pkg@$version") \
    || die "building $name $version failed"
  rm -rf "$dir"
  mv -T "$tmp" "$dir" 2>/dev/null || [[ -x "$TOOL" ]] || die "could not move $name into $dir"
  echo "built $name $version in $((SECONDS - started))s"
}

# Python venv holding kubernetes-validate; sets PY to the venv's python. A venv's console
# scripts hard-code the path they were installed at, so the tool is run as
# `python -m kubernetes_validate`, which keeps working after the venv is renamed into place.
py_tool() {
  local dir="$CACHE/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
  PY="$dir/bin/python"
  [[ -x "$PY" ]] && "$PY" -c 'import kubernetes_validate, yaml' 2>/dev/null && return
  command -v python3 >/dev/null || die "python3 is needed for kubernetes-validate"
  find "$CACHE" -maxdepth 1 -name ".kubernetes-validate-$KUBERNETES_VALIDATE_VERSION.*" -mmin +180 -exec rm -rf {} +
  echo "building kubernetes-validate $KUBERNETES_VALIDATE_VERSION once into cache $dir …"
  local started=$SECONDS tmp
  tmp=$(mktemp -d "$CACHE/.kubernetes-validate-$KUBERNETES_VALIDATE_VERSION.XXXXXX")
  BUILD_TMP+=("$tmp")
  python3 -m venv "$tmp" || die "python3 -m venv failed"
  "$tmp/bin/python" -m pip install --quiet --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" || die "pip install kubernetes-validate failed"
  rm -rf "$dir"
  mv -T "$tmp" "$dir" 2>/dev/null || [[ -x "$PY" ]] || die "could not move the venv into $dir"
  echo "built kubernetes-validate $KUBERNETES_VALIDATE_VERSION in $((SECONDS - started))s"
}

# helm's Makefile stamps its version and the Kubernetes version it defaults to (used by lint's
# deprecation check and .Capabilities when --kube-version is not given); do the same.
k8s_minor=37 # helm v3.22.0 is built against k8s.io/client-go v0.37
go_tool helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm -ldflags "-s -w \
  -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION \
  -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$k8s_minor \
  -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$k8s_minor"
HELM=$TOOL
go_tool kube-score "$KUBE_SCORE_VERSION" github.com/zegl/kube-score/cmd/kube-score \
  -ldflags "-s -w -X main.version=$KUBE_SCORE_VERSION"
KUBE_SCORE=$TOOL
py_tool

# Keep helm away from the user's own repositories, plugins and caches.
export HELM_CACHE_HOME="$WORK/helm/cache" HELM_CONFIG_HOME="$WORK/helm/config" HELM_DATA_HOME="$WORK/helm/data"

step "helm dependency build (vendors club-lib into helm/customer-club/charts/)"
rm -f "$CHART"/charts/*.tgz
"$HELM" dependency build "$CHART" >"$WORK/dep.log" 2>&1 || { cat "$WORK/dep.log" >&2; die "helm dependency build failed"; }

step "helm lint --strict helm/club-lib"
"$HELM" lint --strict "$LIB" >"$WORK/lint-lib.log" 2>&1 || { cat "$WORK/lint-lib.log" >&2; die "helm lint of club-lib failed"; }

shopt -s nullglob
PROFILES=("$CHART"/ci/*-values.yaml)
shopt -u nullglob
((${#PROFILES[@]} > 0)) || die "no values profiles in $CHART/ci/"

for profile in "${PROFILES[@]}"; do
  name=$(basename "$profile" -values.yaml)
  out="$WORK/rendered-$name.yaml"

  step "[$name] helm lint --strict"
  "$HELM" lint --strict --kube-version "$KUBE_MAX" -f "$profile" "$CHART" >"$WORK/lint-$name.log" 2>&1 \
    || { cat "$WORK/lint-$name.log" >&2; die "helm lint failed for profile $name"; }

  step "[$name] helm template"
  "$HELM" template "$RELEASE" "$CHART" --namespace club --kube-version "$KUBE_MIN" -f "$profile" >"$out" \
    || die "helm template failed for profile $name"

  step "[$name] kube-score"
  score_args=()
  for t in "${KUBE_SCORE_IGNORES[@]}"; do score_args+=(--ignore-test "$t"); done
  read -r -a profile_args <<<"$(sed -n 's/^# kube-score-args://p' "$profile")"
  score_args+=("${profile_args[@]+"${profile_args[@]}"}")
  "$KUBE_SCORE" score --output-format ci --kubernetes-version "v${KUBE_MAX%.*}" \
    --enable-optional-test container-seccomp-profile \
    --enable-optional-test container-ports-check \
    "${score_args[@]}" "$out" >"$WORK/score-$name.log" 2>&1 \
    || { grep -Ev '^\[(OK|SKIPPED)\]' "$WORK/score-$name.log" >&2; die "kube-score found problems in profile $name"; }
  # Warnings do not fail a profile unless it asks for --exit-one-on-warning; show them.
  grep '^\[WARNING\]' "$WORK/score-$name.log" | sed 's/^/   /' || true

  step "[$name] kubernetes-validate --strict (Kubernetes $KUBE_MIN and $KUBE_MAX) + house rules"
  # kubernetes-validate bundles only the built-in API schemas: custom resources (the optional
  # ServiceMonitor) are split out and checked structurally by check_rendered.py instead.
  "$PY" "$ROOT/helm/tests/check_rendered.py" split "$out" "$WORK/builtin-$name.yaml"
  for k in "$KUBE_MIN" "$KUBE_MAX"; do
    "$PY" -m kubernetes_validate --strict --quiet --kubernetes-version "$k" "$WORK/builtin-$name.yaml" \
      >"$WORK/validate-$name.log" 2>&1 \
      || { cat "$WORK/validate-$name.log" >&2; die "kubernetes-validate ($k) failed for profile $name"; }
  done
  "$PY" "$ROOT/helm/tests/check_rendered.py" check "$out" "$profile" "$RELEASE"
done

# Bad values must not render: each case has to FAIL, and with the expected message — the
# schema's complaint about the right path, or the chart's own error — so a case cannot pass
# because of some unrelated failure.
step "bad values are rejected"
base="$CHART/ci/default-values.yaml"
SCHEMA_ERR="values don't meet the specifications of the schema"
rejects() {
  local why=$1 expect=$2
  shift 2
  if "$HELM" template "$RELEASE" "$CHART" --kube-version "$KUBE_MIN" -f "$base" "$@" >"$WORK/neg.out" 2>"$WORK/neg.err"; then
    die "accepted $why ($*)"
  fi
  grep -qF -- "$expect" "$WORK/neg.err" \
    || { cat "$WORK/neg.err" >&2; die "rendering with $why failed, but without \"$expect\""; }
  echo "   rejected: $why"
}
schema_rejects() {
  local why=$1 path=$2
  shift 2
  rejects "$why" "$SCHEMA_ERR" "$@"
  grep -qF -- "at '$path'" "$WORK/neg.err" \
    || { cat "$WORK/neg.err" >&2; die "schema rejected $why, but not at $path"; }
}
schema_rejects "a string replica count" /members/replicaCount --set-string members.replicaCount=two
schema_rejects "an unknown top-level key" "" --set replicaCont=2
schema_rejects "an unknown per-service key" /points/replicaCont --set points.replicaCont=2
schema_rejects "an unknown key in defaults" /defaults/replicas --set defaults.replicas=2
schema_rejects "an unknown log level" /defaults/logLevel --set defaults.logLevel=verbose
schema_rejects "no Kafka brokers" /kafka/brokers --set-json 'kafka.brokers=[]'
schema_rejects "a broker without a port" /kafka/brokers/0 --set 'kafka.brokers={kafka}'
schema_rejects "an Ingress on a non-public service" /members/ingress --set members.ingress.enabled=true
schema_rejects "a malformed CPU quantity" /defaults/resources/limits/cpu --set-string defaults.resources.limits.cpu=lots
schema_rejects "a string grace period" /gateway/terminationGracePeriodSeconds --set-string gateway.terminationGracePeriodSeconds=ten
schema_rejects "a non-postgres database URL" /points/database/url --set points.database.url=mysql://db/points
schema_rejects "a NodePort gateway" /gateway/service/type --set gateway.service.type=NodePort
rejects "a service without a database" "members.database: set existingSecret" --set members.database.url=
rejects "autoscaling with minReplicas > maxReplicas" "minReplicas (9) is above maxReplicas (6)" \
  --set defaults.autoscaling.enabled=true --set defaults.autoscaling.minReplicas=9
rejects "a Kubernetes older than the chart's kubeVersion" "chart requires kubeVersion" --kube-version 1.29.0

echo "helm checks: OK (${#PROFILES[@]} profiles)"
