#!/usr/bin/env bash
# The first render in a fresh JVM against the helm CLI: `helm template` of charts/runway-eks with the benchmark's
# values, against one render by runway-render-core's engine in a new JVM (bench.FirstRenderMain), plain and with an
# application class-data archive (AppCDS, -XX:SharedArchiveFile). Prints medians of wall and CPU time, the ratios
# and the number of classes each JVM loads (-Xlog:class+load).
#
#   scripts/first-render.sh [runs]     # default 5; needs runway-render-core/target/{classes,test-classes,cp.txt}
#
# Build those first (offline):
#   ./mvnw -q -o -pl runway-render-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# The helm binary: runway-render-core/target/helm4/helm (scripts/fetch-helm4.sh), or HELM=/path/to/helm.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
core="$root/runway-render-core"
helm=${HELM:-$core/target/helm4/helm}
[[ -x "$helm" ]] || { echo "no helm binary at $helm (run scripts/fetch-helm4.sh $core/target/helm4 or set HELM)" >&2; exit 1; }
[[ -f "$core/target/cp.txt" ]] || { echo "build the classpath first (see the comment at the top)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A class-data archive takes jars only (no class folders on the class path), as users' builds would have them.
jar cf "$work/core.jar" -C "$core/target/classes" .
jar cf "$work/bench.jar" -C "$core/target/test-classes" dev/runway/render/bench/FirstRenderMain.class
cp="$work/bench.jar:$work/core.jar:$(cat "$core/target/cp.txt")"
cat >"$work/values.yaml" <<'YAML'
serviceId: payments
image:
  repository: registry.example.com/runway/payments
  tag: "1.2.3"
autoscaling:
  enabled: true
podDisruptionBudget:
  enabled: true
env:
  LOG_LEVEL: debug
YAML
chart="$root/charts/runway-eks"
export HELM_CACHE_HOME="$work/helm-cache" HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data"

helm_run() { "$helm" template payments "$chart" -f "$work/values.yaml" --namespace payments >/dev/null; }
java_run() { java "$@" -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" payments >/dev/null; }

# wall and user+sys seconds of one command, as "wall cpu"
measure() { /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/t"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

java_run -XX:ArchiveClassesAtExit="$work/app.jsa" 2>/dev/null
helm_run; java_run   # warm the file cache
for kind in helm java cds; do : >"$work/$kind.wall"; : >"$work/$kind.cpu"; done
for ((i = 1; i <= runs; i++)); do
  measure bash -c "$(declare -f helm_run); helm='$helm' chart='$chart' work='$work' helm_run" >"$work/m"
  awk '{print $1 >> "'"$work"'/helm.wall"; print $2 >> "'"$work"'/helm.cpu"}' "$work/m"
  measure java -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" payments >"$work/m"
  awk '{print $1 >> "'"$work"'/java.wall"; print $2 >> "'"$work"'/java.cpu"}' "$work/m"
  measure java -XX:SharedArchiveFile="$work/app.jsa" -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" \
    "$work/values.yaml" payments >"$work/m"
  awk '{print $1 >> "'"$work"'/cds.wall"; print $2 >> "'"$work"'/cds.cpu"}' "$work/m"
done
classes=$(java -Xlog:class+load -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" payments \
  | grep -c 'class,load')
ours_classes=$(java -Xlog:class+load -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" \
  payments | grep 'class,load' | grep -c ' dev\.runway\.' || true)
h=$(median <"$work/helm.wall"); j=$(median <"$work/java.wall"); c=$(median <"$work/cds.wall")
echo "load: $(uptime | sed 's/.*load average: //')  ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf 'helm template:          %s s wall, %s s CPU\n' "$h" "$(median <"$work/helm.cpu")"
printf 'runway, fresh JVM:      %s s wall, %s s CPU  = %.1fx helm (wall)\n' "$j" "$(median <"$work/java.cpu")" \
  "$(awk -v a="$j" -v b="$h" 'BEGIN {print a / b}')"
printf 'runway, AppCDS archive: %s s wall, %s s CPU  = %.1fx helm (wall)\n' "$c" "$(median <"$work/cds.cpu")" \
  "$(awk -v a="$c" -v b="$h" 'BEGIN {print a / b}')"
echo "classes loaded by the JVM: $classes (of them runway-render's own: $ours_classes); medians of $runs runs"
