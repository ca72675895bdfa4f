package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.verify.DriftCheck;
import dev.runway.render.verify.Finding;
import dev.runway.render.verify.ManifestVerifier;
import dev.runway.render.verify.ResourceRef;
import dev.runway.render.verify.Severity;
import dev.runway.render.verify.VerifyReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What {@code runway:verify} does for one environment, without any build-tool types: runs the checks on the render,
 * compares it with the committed manifests (the verify package's {@link DriftCheck}, per resource, in either layout),
 * and writes the reports CI shows (GitLab Code Quality, JUnit XML, Markdown summary).
 */
public final class EnvironmentVerification {

    private static final ResourceRef KUSTOMIZATION =
            new ResourceRef("kustomize.config.k8s.io/v1beta1", "Kustomization", "", "kustomization");

    private EnvironmentVerification() {}

    /**
     * One environment's verification.
     *
     * @param findings what the checks found
     * @param drift    the comparison with the committed manifests, or null when there are none configured
     */
    public record Result(String environment, List<CheckFinding> findings, DriftCheck.Report drift) {
        public Result {
            Objects.requireNonNull(environment, "environment");
            findings = List.copyOf(findings);
        }

        public long count(CheckFinding.Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        public boolean drifted() {
            return drift != null && !drift.clean();
        }
    }

    /**
     * Runs the checks on one environment's render and compares it with the committed manifests.
     *
     * @param committed     the environment's committed manifests folder, or null to skip the drift check
     * @param updateCommand what the drift report tells people to run to accept the render
     */
    public static Result verify(
            String environment,
            RenderRequest request,
            RenderedChart chart,
            List<ManifestChecker> checkers,
            Path committed,
            ManifestLayout layout,
            DriftCheck.Mode mode,
            String updateCommand) {
        List<CheckFinding> findings = new ArrayList<>();
        for (ManifestChecker checker : checkers) {
            findings.addAll(checker.check(request, chart));
        }
        // Each finding points where the team fixes it: the values file line behind the field, or the template.
        findings = new FindingLocator(chart, RequestValues.read(request).merged()).locateAll(findings);
        DriftCheck.Report drift = committed == null ? null : drift(chart, committed, layout, mode, updateCommand);
        return new Result(environment, findings, drift);
    }

    static DriftCheck.Report drift(
            RenderedChart chart, Path committed, ManifestLayout layout, DriftCheck.Mode mode, String updateCommand) {
        DriftCheck check = new DriftCheck(mode, updateCommand);
        if (layout == ManifestLayout.SINGLE_FILE) {
            // Both sides of each diff name the committed file: the render is what would be written there.
            Path file = committed.resolve(ManifestFiles.SINGLE_FILE_NAME);
            RenderedChart asCommitted = new RenderedChart(
                    chart.manifests().stream()
                            .map(m -> new RenderedManifest(
                                    file.toString(), m.apiVersion(), m.kind(), m.name(), m.namespace(), m.text()))
                            .toList(),
                    chart.output());
            if (Files.isRegularFile(file)) {
                return check.compare(asCommitted, file);
            }
            return check.compare(sources(asCommitted), List.of());
        }
        List<OutputFile> rendered = ManifestFiles.plan(chart, layout);
        List<ManifestVerifier.Source> renderedSources = new ArrayList<>();
        String renderedKustomization = "";
        for (OutputFile file : rendered) {
            if (file.name().equals(ManifestFiles.KUSTOMIZATION)) {
                renderedKustomization = file.content();
            } else {
                renderedSources.add(new ManifestVerifier.Source(file.name(), file.content()));
            }
        }
        List<ManifestVerifier.Source> committedSources = new ArrayList<>();
        String committedKustomization = "";
        if (Files.isDirectory(committed)) {
            try (Stream<Path> files = Files.list(committed)) {
                for (Path path : files.sorted().toList()) {
                    String name = path.getFileName().toString();
                    if (!Files.isRegularFile(path) || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        continue;
                    }
                    String text = Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
                    if (name.equals(ManifestFiles.KUSTOMIZATION)) {
                        committedKustomization = text;
                    } else {
                        committedSources.add(new ManifestVerifier.Source(name, text));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + committed + ": " + e.getMessage(), e);
            }
        }
        DriftCheck.Report report = check.compare(renderedSources, committedSources);
        if (renderedKustomization.equals(committedKustomization)) {
            return report;
        }
        List<DriftCheck.ResourceDiff> differences = new ArrayList<>(report.differences());
        String committedName = committed.resolve(ManifestFiles.KUSTOMIZATION).toString();
        differences.add(new DriftCheck.ResourceDiff(
                KUSTOMIZATION,
                committedKustomization.isEmpty() ? DriftCheck.Status.NOT_COMMITTED : DriftCheck.Status.CHANGED,
                committedName,
                ManifestFiles.KUSTOMIZATION,
                DriftCheck.unified(
                        committedKustomization,
                        renderedKustomization,
                        committedKustomization.isEmpty() ? "/dev/null" : committedName,
                        ManifestFiles.KUSTOMIZATION)));
        return new DriftCheck.Report(report.mode(), differences, report.updateCommand());
    }

    /** Writes {@code code-quality.json}, {@code junit.xml} and {@code summary.md} into {@code directory}. */
    public static void writeReports(Result result, RenderedChart chart, Path directory) {
        writeReports(result, chart, directory, "");
    }

    /**
     * The same, for checks that targeted a Kubernetes release ({@code v1.33.0}, {@code 1.33}; empty for the client
     * models' own), which the summary names.
     */
    public static void writeReports(Result result, RenderedChart chart, Path directory, String kubernetesVersion) {
        write(result, chart, directory, null, kubernetesVersion);
    }

    /**
     * {@link #writeReports(Result, RenderedChart, Path)} for an environment with committed manifests: a finding that
     * no values file explains points at its line in the committed {@code manifests.yaml} (a file of the repository,
     * which GitLab can link) rather than at a template inside the plugin. Paths are relative to the request's base
     * directory (the project), as GitLab reads Code Quality paths. The summary names the Kubernetes release the
     * checks targeted ({@link RenderRequest#targetKubeVersion()}).
     *
     * @param committed the environment's committed manifests folder, or null
     */
    public static void writeReports(
            Result result,
            RenderedChart chart,
            Path directory,
            RenderRequest request,
            Path committed,
            ManifestLayout layout) {
        Path committedFile = committed == null || layout != ManifestLayout.SINGLE_FILE
                ? null
                : request.baseDirectory().resolve(committed).resolve(ManifestFiles.SINGLE_FILE_NAME);
        String committedName =
                committedFile != null && Files.isRegularFile(committedFile) ? request.displayName(committedFile) : null;
        write(result, chart, directory, committedName, request.targetKubeVersion());
    }

    /** {@code committedName}: the committed manifests file findings without a values line point at, or null. */
    private static void write(
            Result result, RenderedChart chart, Path directory, String committedName, String kubernetesVersion) {
        List<Finding> findings = new ArrayList<>();
        for (CheckFinding finding : result.findings()) {
            findings.add(toFinding(finding, committedName));
        }
        String defaultPath = committedName != null
                ? committedName
                : chart.manifests().stream()
                        .map(RenderedManifest::source)
                        .findFirst()
                        .orElse("");
        if (result.drift() != null) {
            findings.addAll(result.drift().findings());
        }
        List<ResourceRef> resources = chart.manifests().stream()
                .map(m -> new ResourceRef(m.apiVersion(), m.kind(), m.namespace(), m.name()))
                .toList();
        VerifyReports.write(
                new VerifyReports.Input(
                        result.environment(), resources, findings, result.drift(), defaultPath, kubernetesVersion),
                directory.resolve("code-quality.json"),
                directory.resolve("junit.xml"),
                directory.resolve("summary.md"));
    }

    /** A check finding in the verify package's shape, for its reports. */
    static Finding toFinding(CheckFinding finding) {
        return toFinding(finding, null);
    }

    /**
     * @param committedFile the committed single-file manifests, which hold the render line for line, or null
     */
    private static Finding toFinding(CheckFinding finding, String committedFile) {
        String[] parts = finding.resource().isEmpty()
                ? new String[0]
                : finding.resource().split("/");
        ResourceRef resource = switch (parts.length) {
            case 2 -> new ResourceRef("", parts[0], "", parts[1]);
            case 3 -> new ResourceRef("", parts[0], parts[1], parts[2]);
            default -> ResourceRef.none();
        };
        CheckFinding.Location location = finding.location();
        String file = switch (location.kind()) {
            case FILE -> location.file();
            case TEMPLATE -> committedFile != null && location.line() > 0 ? committedFile : location.file();
            case NONE -> "";
        };
        int line = location.kind() == CheckFinding.Location.Kind.TEMPLATE && !file.equals(committedFile)
                ? 0
                : location.line();
        String message = location.kind() == CheckFinding.Location.Kind.TEMPLATE
                ? finding.message() + " (" + location + ")"
                : finding.message();
        return new Finding(
                Severity.valueOf(finding.severity().name()),
                finding.check(),
                resource,
                finding.path(),
                message,
                "",
                file,
                line);
    }

    private static List<ManifestVerifier.Source> sources(RenderedChart chart) {
        return chart.manifests().stream()
                .map(m -> new ManifestVerifier.Source(m.source(), m.text()))
                .toList();
    }
}
