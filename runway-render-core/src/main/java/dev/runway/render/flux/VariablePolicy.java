package dev.runway.render.flux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Flux variables rendered manifests may reference. The runway-eks chart needs exactly the four cluster
 * variables of {@code flux-cluster-vars}; any other reference is an error with its location, because it would
 * read a cluster variable the service should not see (or silently become empty).
 *
 * <p>{@code ${quote}} is the one exception worth its own rule: Flux's documentation ("Post build substitution of
 * numbers and booleans") tells users to write {@code ${quote}${var}${quote}} so a whole value stays a string, and
 * the safety check gives the same advice. It works only where the cluster defines {@code quote: '"'}. With the
 * default allowlist the cluster's variables are not known, so it is a warning saying so; with a
 * {@code flux-cluster-vars} file that lacks it, it is an error like any other unknown variable.
 *
 * @param allowed      the variables the cluster defines (or the default four)
 * @param clusterKnown true when {@code allowed} was read from the cluster's own variables
 */
public record VariablePolicy(Set<String> allowed, boolean clusterKnown) {

    /** Flux's documented name for a variable holding {@code "}. */
    static final String QUOTE_VARIABLE = "quote";

    /** The four variables the runway-eks chart uses by default. */
    public static final Set<String> DEFAULT_VARIABLES =
            Set.of("aws_account_id", "gcp_project_number", "gcp_wip_id", "gcp_project_id");

    public VariablePolicy {
        allowed = Set.copyOf(new LinkedHashSet<>(allowed));
    }

    /** The default four, the cluster's own variables unknown. */
    public static VariablePolicy defaults() {
        return new VariablePolicy(DEFAULT_VARIABLES, false);
    }

    /** An allowlist given in configuration, the cluster's own variables unknown. */
    public static VariablePolicy of(Collection<String> allowed) {
        return new VariablePolicy(Set.copyOf(allowed), false);
    }

    /** Allows exactly the variables a {@code flux-cluster-vars} ConfigMap (or Secret) defines. */
    public static VariablePolicy from(ClusterVars vars) {
        return new VariablePolicy(vars.values().keySet(), true);
    }

    public boolean allows(String variable) {
        return allowed.contains(variable);
    }

    /** Findings for every placeholder outside the allowlist, and notes on defaults that hide a missing variable. */
    public List<FluxFinding> check(ScanResult scan) {
        List<FluxFinding> findings = new ArrayList<>();
        String allowedList = String.join(", ", allowed.stream().sorted().toList());
        for (Placeholder p : scan.placeholders()) {
            if (!p.definable()) {
                continue; // the scanner reports names Flux can never define
            }
            boolean comment = p.location().context() == FluxLocation.Context.COMMENT;
            if (!allows(p.variable())
                    && p.variable().equals(QUOTE_VARIABLE)
                    && !clusterKnown
                    && p.form() == Placeholder.Form.PLAIN) {
                findings.add(FluxFinding.at(
                        Severity.WARNING,
                        "flux/quote-variable-required",
                        p.location(),
                        "`" + p.expression() + "` keeps a whole value a string only if the cluster's Flux variables"
                                + " define quote: '\"' (Flux's documented convention); runway cannot see the"
                                + " cluster's variables here",
                        "make sure the cluster's flux-cluster-vars ConfigMap (or the Kustomization's"
                                + " postBuild.substitute) has quote: '\"'"));
            } else if (!allows(p.variable())) {
                findings.add(FluxFinding.at(
                        comment ? Severity.WARNING : Severity.ERROR,
                        "flux/unknown-variable",
                        p.location(),
                        "`" + p.expression() + "` references Flux variable '" + p.variable()
                                + "', which is not allowed (allowed: " + allowedList + ")"
                                + (comment
                                        ? "; it is in a YAML comment: if kustomize keeps the comment, Flux"
                                                + " substitutes it too, and in strict mode (the default since Flux 2.9) an undefined"
                                                + " variable there fails the Kustomization"
                                        : ""),
                        "use one of the allowed variables, or write $$"
                                + p.expression().substring(1) + " if the text must stay literal"));
            } else if (p.form() == Placeholder.Form.DEFAULT && !p.nested()) {
                findings.add(FluxFinding.at(
                        Severity.INFO,
                        "flux/default-hides-missing-variable",
                        p.location(),
                        "`" + p.expression() + "` has a default: if the cluster does not define '" + p.variable()
                                + "', Flux uses the default instead of failing, even in strict mode",
                        ""));
            }
        }
        return findings;
    }
}
