#!/usr/bin/env bash
# How much runway:render and runway:verify add to a Maven run: wall time of `mvn runway:render` and of
# `mvn runway:verify` on the sample service over the time of an empty Maven run (`mvn validate`) of the
# same project, as ratios (issue 19's targets: 1.2 and 1.4). runway:render is measured twice: rendering
# (-Drunway.force=true, past the up-to-date check) and up to date (nothing changed since the last render, the
# case of a repeated build). All runs start a JVM and read the POM; the difference is
# what the plugin costs (loading it, reading values, rendering two environments, writing, checking). Also counts the
# classes each goal loads (-Xlog:class+load through MAVEN_OPTS) and prints the load average.
#
#   it/bench/render-vs-validate.sh [runs]        # default 7 runs of each, medians compared
#   SKIP_BUILD=1 it/bench/render-vs-validate.sh  # reuse the plugin already installed in it/target/it-repo
#
# Offline after the first build: the plugin comes from it/target/it-repo, everything else from ~/.m2 (read-only).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${1:-7}
sample="$root/samples/payments-service"
it_repo="$root/it/target/it-repo"
# The build's own local repository (set OUTER_REPO when settings.xml moves it).
outer_repo=${OUTER_REPO:-$HOME/.m2/repository}
out_dir="$root/it/target/bench"
mkdir -p "$out_dir"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "Building core and the plugin into it/target/it-repo ..."
  ./mvnw -B -ntp -q -DskipTests -pl it -am pre-integration-test
fi

mvn_sample() {
  "$root/mvnw" -B -ntp ${QUIET--q} -o -f "$sample/pom.xml" \
    -Dmaven.repo.local="$it_repo" -Dmaven.repo.local.tail="$outer_repo" \
    -Dmaven.repo.local.tail.ignoreAvailability=true "$@" >"$out_dir/last.log" 2>&1 || {
      echo "mvn $* failed:" >&2; cat "$out_dir/last.log" >&2; exit 1; }
}

millis() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

echo "Warming up ..."
mvn_sample validate
mvn_sample runway:render -Drunway.force=true
QUIET= mvn_sample runway:render
grep -q 'output up to date' "$out_dir/last.log" || {
  echo "runway:render should be up to date after a render:" >&2; cat "$out_dir/last.log" >&2; exit 1; }
mvn_sample runway:verify

classes() {
  MAVEN_OPTS="${MAVEN_OPTS:-} -Xlog:class+load:file=$out_dir/classes.log" mvn_sample "$@"
  grep -c 'class,load' "$out_dir/classes.log"
}
classes_validate=$(classes validate)
classes_render=$(classes runway:render -Drunway.force=true)
classes_uptodate=$(classes runway:render)
classes_verify=$(classes runway:verify)

: >"$out_dir/validate.ms"
: >"$out_dir/render.ms"
: >"$out_dir/uptodate.ms"
: >"$out_dir/verify.ms"
for ((i = 1; i <= runs; i++)); do
  t0=$(millis); mvn_sample validate; t1=$(millis)
  echo $((t1 - t0)) >>"$out_dir/validate.ms"
  t0=$(millis); mvn_sample runway:render -Drunway.force=true; t1=$(millis)
  echo $((t1 - t0)) >>"$out_dir/render.ms"
  t0=$(millis); mvn_sample runway:render; t1=$(millis)
  echo $((t1 - t0)) >>"$out_dir/uptodate.ms"
  t0=$(millis); mvn_sample runway:verify; t1=$(millis)
  echo $((t1 - t0)) >>"$out_dir/verify.ms"
  echo "run $i/$runs: validate $(tail -1 "$out_dir/validate.ms") ms, runway:render $(tail -1 "$out_dir/render.ms") ms," \
    "up to date $(tail -1 "$out_dir/uptodate.ms") ms," \
    "runway:verify $(tail -1 "$out_dir/verify.ms") ms"
done

validate=$(median <"$out_dir/validate.ms")
render=$(median <"$out_dir/render.ms")
uptodate=$(median <"$out_dir/uptodate.ms")
verify=$(median <"$out_dir/verify.ms")
ratio=$(awk -v r="$render" -v v="$validate" 'BEGIN {printf "%.2f", r / v}')
uptodate_ratio=$(awk -v r="$uptodate" -v v="$validate" 'BEGIN {printf "%.2f", r / v}')
verify_ratio=$(awk -v r="$verify" -v v="$validate" 'BEGIN {printf "%.2f", r / v}')
{
  echo "runway:render ${render} ms / validate ${validate} ms = ${ratio} (rendering, -Drunway.force=true)"
  echo "runway:render ${uptodate} ms / validate ${validate} ms = ${uptodate_ratio} (up to date)"
  echo "runway:verify ${verify} ms / validate ${validate} ms = ${verify_ratio}"
  echo "classes loaded: validate ${classes_validate}, runway:render ${classes_render} (up to date: ${classes_uptodate}), runway:verify ${classes_verify}"
  echo "(medians of ${runs} runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
} | tee "$out_dir/render-vs-validate.txt"
