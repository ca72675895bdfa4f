#!/usr/bin/env bash
# Runs every Jazzer fuzz target in fuzzing mode, one after another, each for the given number of seconds
# (default 60). Generated inputs collect in runway-render-core/.cifuzz-corpus/ (gitignored); a finding stops the
# run and Jazzer writes the crashing input next to the committed regression corpus under
# runway-render-core/src/test/resources/dev/runway/render/fuzz/<Class>Inputs/<method>/.
#   scripts/fuzz.sh [seconds] [Class#method ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    TemplateFuzzTest#parserThrowsOnlyParseErrors
    TemplateFuzzTest#executorThrowsOnlyTemplateErrors
    ValuesFuzzTest#valuesFileReadsOrExplains
    ValuesFuzzTest#setLineParsesOrExplains
    ValuesFuzzTest#yamlReadsOrExplains
    ValuesFuzzTest#fromYamlOfToYamlGivesTheValueBack
    FluxFuzzTest#scannerNeverThrows
    FluxFuzzTest#envsubstEvaluatesOrExplains
    FluxFuzzTest#substitutionSimulatorNeverThrows
    GoFmtFuzzTest#sprintfNeverThrows
    GoFmtFuzzTest#sprintNeverThrows
    SchemaFuzzTest#schemaChecksOrExplains
    GuardedYamlFuzzTest#fromYamlAnswersOrExplains
    GuardedYamlFuzzTest#fromJsonAnswersOrExplains
  )
fi
./mvnw -B -ntp -q -o -pl runway-render-core test-compile
status=0
for target in "${targets[@]}"; do
  start=$(date +%s)
  echo "== fuzzing ${target} for ${seconds}s"
  # Fuzzing mode runs one fuzz test per JVM; the fuzz-regression execution forks a fresh JVM for it.
  if JAZZER_FUZZ=1 ./mvnw -B -ntp -q -o -pl runway-render-core surefire:test@fuzz-regression \
      -Dtest="${target}" -Djazzer.max_duration="${seconds}s" -Dsurefire.failIfNoSpecifiedTests=false; then
    echo "== ${target}: no finding ($(( $(date +%s) - start ))s wall clock)"
  else
    echo "== ${target}: FINDING, see runway-render-core/target/surefire-reports ($(( $(date +%s) - start ))s)"
    status=1
  fi
done
exit $status
