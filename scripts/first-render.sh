#!/usr/bin/env bash
# The first render in a fresh JVM against the helm CLI: `helm template` of charts/runway-eks with the benchmark's
# values, against one render by runway-render-core's engine in a new JVM (bench.FirstRenderMain): plain, with an
# application class-data archive (AppCDS, -XX:SharedArchiveFile), and with the archive and the C1 compiler only
# (-XX:TieredStopAtLevel=1). Prints medians of wall and CPU time, each set-up's wall and CPU ratios against helm,
# and the number of classes the JVM loads (-Xlog:class+load).
#
#   scripts/first-render.sh [runs]     # default 5; needs runway-render-core/target/{classes,test-classes,cp.txt}
#   scripts/first-render.sh --by-library [runs]
#
# --by-library prints what loading each library's classes costs a first render, against helm: it archives (static
# class-data sharing, -Xshare:dump) the classes one render loads, library by library: the JDK's only, then the JDK's
# with snakeyaml-engine's, with RE2/J's, with runway-render's own, and all of them. A library's share is what its
# classes cost when they are not in an archive (the JDK-only run against the run with that library archived too);
# what the all-archived run still takes is the JVM's start and the render's cold code (interpreter and JIT).
#
# Build those first (offline):
#   ./mvnw -q -o -pl runway-render-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# The helm binary: runway-render-core/target/helm4/helm (scripts/fetch-helm4.sh), or HELM=/path/to/helm.
# CORE=/other/checkout/runway-render-core times another checkout's build (say, main's, for a before and after); its
# target/cp.txt is used if it has one, else this checkout's (the same dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
by_library=false
if [[ "${1:-}" == --by-library ]]; then by_library=true; shift; fi
runs=${1:-5}
core=${CORE:-$root/runway-render-core}
helm=${HELM:-$root/runway-render-core/target/helm4/helm}
cpfile="$core/target/cp.txt"
[[ -f "$cpfile" ]] || cpfile="$root/runway-render-core/target/cp.txt"
[[ -x "$helm" ]] || { echo "no helm binary at $helm (run scripts/fetch-helm4.sh $core/target/helm4 or set HELM)" >&2; exit 1; }
[[ -f "$cpfile" ]] || { echo "build the classpath first (see the comment at the top)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A class-data archive takes jars only (no class folders on the class path), as users' builds would have them. The
# core jar's entries are stored, not deflated, as runway-render-core's pom packages them (jar -0).
jar cf0 "$work/core.jar" -C "$core/target/classes" .
jar cf "$work/bench.jar" -C "$core/target/test-classes" dev/runway/render/bench/FirstRenderMain.class
cp="$work/bench.jar:$work/core.jar:$(cat "$cpfile")"
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
# The set-ups: a plain fresh JVM, the class-data archive, and the archive with the C1 compiler only
# (-XX:TieredStopAtLevel=1: a one-shot CLI run ends before C2's optimised code pays for its compile time).
kinds=(java cds cds-c1)
declare -A flags=([java]="" [cds]="-XX:SharedArchiveFile=$work/app.jsa"
  [cds-c1]="-XX:SharedArchiveFile=$work/app.jsa -XX:TieredStopAtLevel=1")
declare -A labels=([java]="runway, fresh JVM:" [cds]="runway, AppCDS archive:" [cds-c1]="runway, AppCDS + C1 only:")
if $by_library; then
  # Static archives of the classes one render loads, filtered by where they come from (the list names classes by
  # path; lines starting with @ are the JDK's generated method-handle forms and stay in every archive).
  java -XX:DumpLoadedClassList="$work/all.classes" -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" \
    "$work/values.yaml" payments >/dev/null
  app='^(org/snakeyaml/|com/google/re2j/|dev/runway/)'
  grep -Ev "$app" "$work/all.classes" >"$work/jdk.classes"
  { cat "$work/jdk.classes"; grep -E '^org/snakeyaml/' "$work/all.classes"; } >"$work/snakeyaml.classes"
  { cat "$work/jdk.classes"; grep -E '^com/google/re2j/' "$work/all.classes"; } >"$work/re2j.classes"
  { cat "$work/jdk.classes"; grep -E '^dev/runway/' "$work/all.classes"; } >"$work/runway.classes"
  kinds=(java jdk snakeyaml re2j runway all)
  flags=([java]="")
  for kind in jdk snakeyaml re2j runway all; do
    java -Xshare:dump -XX:SharedClassListFile="$work/$kind.classes" -XX:SharedArchiveFile="$work/$kind.jsa" \
      -cp "$cp" >/dev/null 2>&1
    flags[$kind]="-XX:SharedArchiveFile=$work/$kind.jsa"
  done
  labels=([java]="fresh JVM (JDK's archive):" [jdk]="+ JDK classes archived:" [snakeyaml]="  + snakeyaml-engine's:"
    [re2j]="  + RE2/J's:" [runway]="  + runway-render's:" [all]="everything archived:")
fi
for kind in helm "${kinds[@]}"; do : >"$work/$kind.wall"; : >"$work/$kind.cpu"; done
for ((i = 1; i <= runs; i++)); do
  measure bash -c "$(declare -f helm_run); helm='$helm' chart='$chart' work='$work' helm_run" >"$work/m"
  awk '{print $1 >> "'"$work"'/helm.wall"; print $2 >> "'"$work"'/helm.cpu"}' "$work/m"
  for kind in "${kinds[@]}"; do
    # shellcheck disable=SC2086 # the flags are meant to split into words
    measure java ${flags[$kind]} -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" \
      payments >"$work/m"
    awk '{print $1 >> "'"$work"'/'"$kind"'.wall"; print $2 >> "'"$work"'/'"$kind"'.cpu"}' "$work/m"
  done
done
classes=$(java -Xlog:class+load -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" payments \
  | grep -c 'class,load')
ours_classes=$(java -Xlog:class+load -cp "$cp" dev.runway.render.bench.FirstRenderMain "$chart" "$work/values.yaml" \
  payments | grep 'class,load' | grep -c ' dev\.runway\.' || true)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
hw=$(median <"$work/helm.wall"); hc=$(median <"$work/helm.cpu")
echo "load: $(uptime | sed 's/.*load average: //')  ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%-27s %5s s wall, %5s s CPU\n' "helm template:" "$hw" "$hc"
for kind in "${kinds[@]}"; do
  w=$(median <"$work/$kind.wall"); c=$(median <"$work/$kind.cpu")
  printf '%-27s %5s s wall, %5s s CPU  = %sx helm (wall), %sx helm (CPU)\n' "${labels[$kind]}" "$w" "$c" \
    "$(ratio "$w" "$hw")" "$(ratio "$c" "$hc")"
done
echo "classes loaded by the JVM: $classes (of them runway-render's own: $ours_classes); medians of $runs runs"
if $by_library; then
  # A library's share: the JDK-archived run minus the run with that library archived too, as a part of the fresh run.
  jw=$(median <"$work/jdk.wall"); jc=$(median <"$work/jdk.cpu")
  fw=$(median <"$work/java.wall"); fc=$(median <"$work/java.cpu")
  share() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN {printf "%5.2f s (%2.0f%%)", a - b, 100 * (a - b) / t}'; }
  echo "what loading the classes costs, wall and CPU (share of the fresh JVM's run):"
  printf '  %-22s %s wall, %s CPU\n' "JDK beyond its archive" "$(share "$fw" "$jw" "$fw")" "$(share "$fc" "$jc" "$fc")"
  for kind in snakeyaml re2j runway; do
    w=$(median <"$work/$kind.wall"); c=$(median <"$work/$kind.cpu")
    printf '  %-22s %s wall, %s CPU\n' "$kind" "$(share "$jw" "$w" "$fw")" "$(share "$jc" "$c" "$fc")"
  done
  w=$(median <"$work/all.wall"); c=$(median <"$work/all.cpu")
  printf '  %-22s %s wall, %s CPU\n' "all classes" "$(share "$fw" "$w" "$fw")" "$(share "$fc" "$c" "$fc")"
fi
