package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one entry point for the verify goal: scans a render for Flux placeholders, applies the variable policy and
 * runs the safety check. Provenance ({@link Provenance}) and the on-disk integrity check ({@link IntegrityCheck})
 * need more input (a second render, the written file) and can be added with {@link #check(RenderedChart, Options,
 * List)}.
 */
public final class FluxCheck {

    /**
     * What a check run uses.
     *
     * @param policy  the allowed variables
     * @param samples values the safety check substitutes
     * @param safety  whether to run the safety check
     */
    public record Options(VariablePolicy policy, List<SafetyCheck.SampleSet> samples, boolean safety) {
        public Options {
            Objects.requireNonNull(policy, "policy");
            samples = List.copyOf(samples);
        }

        /** The four runway-eks variables and the default samples. */
        public static Options defaults() {
            return new Options(VariablePolicy.defaults(), SafetyCheck.DEFAULT_SAMPLES, true);
        }

        /** Allowlist and samples from a {@code flux-cluster-vars} file: its real values are tried too. */
        public static Options from(ClusterVars clusterVars) {
            List<SafetyCheck.SampleSet> samples = new ArrayList<>();
            samples.add(new SafetyCheck.SampleSet(
                    clusterVars.name().isEmpty() ? clusterVars.source() : clusterVars.name(), clusterVars.values()));
            samples.addAll(SafetyCheck.DEFAULT_SAMPLES);
            return new Options(VariablePolicy.from(clusterVars), samples, true);
        }

        public Options withPolicy(VariablePolicy value) {
            return new Options(value, samples, safety);
        }
    }

    private FluxCheck() {}

    public static FluxReport check(RenderedChart chart) {
        return check(chart, Options.defaults());
    }

    public static FluxReport check(RenderedChart chart, Options options) {
        return check(chart, options, List.of());
    }

    /** Checks a render and adds findings computed elsewhere (provenance, integrity). */
    public static FluxReport check(RenderedChart chart, Options options, List<FluxFinding> more) {
        return check(ParsedManifests.of(chart), options, more);
    }

    /**
     * {@link #check(RenderedChart, Options, List)} on a render the caller has parsed once for this check run and its
     * other checks (such as the provenance check of the user's values files).
     */
    public static FluxReport check(ParsedManifests render, Options options, List<FluxFinding> more) {
        ScanResult scan = render.scan();
        List<FluxFinding> findings = new ArrayList<>(scan.findings());
        findings.addAll(options.policy().check(scan));
        if (options.safety()) {
            findings.addAll(SafetyCheck.check(render, options.samples()));
        }
        findings.addAll(more);
        return new FluxReport(scan, findings);
    }
}
