package dev.runway.render.snapshot;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * Compares rendered charts with snapshots stored as YAML files: the entry point of the snapshot library, for any
 * test framework (the JUnit 5 extension in {@code dev.runway.render.snapshot.junit} builds on it).
 *
 * <pre>{@code
 * ChartSnapshots snapshots = new ChartSnapshots(SnapshotSettings.fromSystem());
 * snapshots.assertMatches(renderedChart, SnapshotId.of(MyChartTest.class, "defaults", ""),
 *         SnapshotOptions.defaults().mask("spec.template.metadata.annotations[checksum/gcp-credentials]"));
 * }</pre>
 *
 * <p>The snapshot is compared by structure, not by text: a resource at a time, matched by kind, namespace and name,
 * then field by field. A mismatch throws an {@link AssertionFailedError} whose message lists each difference as
 * {@code Deployment/payments spec.template.spec.containers[payments].image: "a" -> "b"}, and whose expected and
 * actual values are the stored and the new snapshot text, for an IDE's diff view.
 */
public final class ChartSnapshots {

    private static final int MAX_LISTED_DIFFERENCES = 40;

    private final SnapshotSettings settings;

    public ChartSnapshots(SnapshotSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SnapshotSettings settings() {
        return settings;
    }

    /** Where a snapshot lives. */
    public Path fileOf(SnapshotId id) {
        return settings.root().resolve(id.relativePath());
    }

    /**
     * Checks a rendered chart against its snapshot.
     *
     * @return what happened: {@code CREATED} (no snapshot yet, written), {@code MATCHED} or, in update mode,
     *         {@code UPDATED}
     * @throws AssertionFailedError     when the chart differs from the snapshot (outside update mode), or when the
     *                                  snapshot is missing in CI mode
     * @throws IllegalArgumentException when the options select no resource or a mask matches no field
     */
    public SnapshotOutcome assertMatches(RenderedChart chart, SnapshotId id, SnapshotOptions options) {
        return check(id, snapshotText(chart, id, options));
    }

    /**
     * Checks a snapshot text made by {@link #snapshotText} against the stored snapshot: the second half of
     * {@link #assertMatches}, for callers that look at the text first.
     */
    SnapshotOutcome check(SnapshotId id, String actualText) {
        Objects.requireNonNull(id, "id");
        List<SnapshotResource> actual = parse(actualText, "rendered chart");
        Path file = fileOf(id);

        if (!Files.exists(file)) {
            if (settings.mode() == SnapshotMode.CI) {
                throw new AssertionFailedError(
                        "Chart snapshot " + id + " is missing: " + file + "\n"
                                + "CI mode never writes snapshots (" + SnapshotSettings.CI_ENV + "=true or -D"
                                + SnapshotSettings.CI_PROPERTY
                                + "=true). Run the test locally, review the new file and "
                                + "commit it.",
                        null,
                        actualText);
            }
            SnapshotFiles.write(file, actualText);
            return new SnapshotOutcome(SnapshotOutcome.Status.CREATED, id, file, List.of());
        }

        String storedText = "";
        List<SnapshotResource> stored;
        try {
            storedText = SnapshotFiles.read(file);
            stored = parse(storedText, file.toString());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not YAML, or not UTF-8: update mode replaces it, other modes say where it is broken.
            if (settings.mode() == SnapshotMode.UPDATE) {
                SnapshotFiles.write(file, actualText);
                return new SnapshotOutcome(SnapshotOutcome.Status.UPDATED, id, file, List.of());
            }
            throw new AssertionFailedError(
                    "Chart snapshot " + id + " cannot be read: " + e.getMessage() + "\n" + updateHint(),
                    storedText,
                    actualText);
        }

        List<SnapshotDifference> differences = StructuralDiff.compare(stored, actual);
        if (differences.isEmpty()) {
            if (settings.mode() == SnapshotMode.UPDATE && !storedText.equals(actualText)) {
                // Same content, other layout (hand-edited, older writer, resources reordered): tidy it.
                SnapshotFiles.write(file, actualText);
                return new SnapshotOutcome(SnapshotOutcome.Status.UPDATED, id, file, List.of());
            }
            return new SnapshotOutcome(SnapshotOutcome.Status.MATCHED, id, file, List.of());
        }
        if (settings.mode() == SnapshotMode.UPDATE) {
            SnapshotFiles.write(file, actualText);
            return new SnapshotOutcome(SnapshotOutcome.Status.UPDATED, id, file, differences);
        }
        throw new AssertionFailedError(mismatchMessage(id, file, differences), storedText, actualText);
    }

    /**
     * The text a snapshot of this chart holds with these options: a header comment, then each selected resource
     * as {@code ---}, {@code # Source: <template>} and the resource as block YAML with masked fields replaced.
     */
    public String snapshotText(RenderedChart chart, SnapshotId id, SnapshotOptions options) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        List<SnapshotResource> actual = select(chart, options);
        Masking.apply(actual, options.masks());
        return format(id, actual);
    }

    private static List<SnapshotResource> select(RenderedChart chart, SnapshotOptions options) {
        List<SnapshotResource> all = new ArrayList<>();
        for (RenderedManifest manifest : chart.manifests()) {
            String where = manifest.source().isEmpty() ? manifest.id() : manifest.source();
            for (Object document : SnapshotYaml.loadAll(manifest.text(), where)) {
                if (document != null) {
                    all.add(SnapshotResource.of(document, manifest.source(), all.size() + 1));
                }
            }
        }
        List<SnapshotResource> selected = new ArrayList<>();
        for (SnapshotResource resource : all) {
            if (options.selects(resource)) {
                selected.add(resource);
            }
        }
        if (selected.isEmpty() && !options.selectsEverything()) {
            TreeSet<String> rendered = new TreeSet<>();
            all.forEach(r -> rendered.add(r.label(false)));
            throw new IllegalArgumentException("snapshot selection (kinds " + new TreeSet<>(options.kinds())
                    + ", names " + new TreeSet<>(options.names()) + ", excluded kinds "
                    + new TreeSet<>(options.excludedKinds()) + ") picks none of the rendered resources: "
                    + (rendered.isEmpty() ? "none" : String.join(", ", rendered)));
        }
        return selected;
    }

    private static List<SnapshotResource> parse(String snapshotText, String fileName) {
        RenderedChart stored;
        try {
            stored = RenderedCharts.parse(snapshotText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("helm template output", fileName), e);
        }
        List<SnapshotResource> resources = new ArrayList<>();
        for (RenderedManifest manifest : stored.manifests()) {
            for (Object document : SnapshotYaml.loadAll(manifest.text(), fileName)) {
                if (document != null) {
                    resources.add(SnapshotResource.of(document, manifest.source(), resources.size() + 1));
                }
            }
        }
        return resources;
    }

    private static String format(SnapshotId id, List<SnapshotResource> resources) {
        StringBuilder out = new StringBuilder();
        out.append("# Chart snapshot ").append(id).append(" (runway-render). Review changes like code;\n");
        out.append("# rewrite after an intended change with -D")
                .append(SnapshotSettings.UPDATE_PROPERTY)
                .append("=true.\n");
        for (SnapshotResource resource : resources) {
            out.append("---\n");
            if (!resource.source().isEmpty()) {
                out.append("# Source: ").append(resource.source()).append('\n');
            }
            out.append(SnapshotYaml.dump(resource.content()));
        }
        return out.toString();
    }

    private static String mismatchMessage(SnapshotId id, Path file, List<SnapshotDifference> differences) {
        StringBuilder out = new StringBuilder();
        out.append("Chart snapshot ")
                .append(id)
                .append(" does not match the rendered chart (")
                .append(differences.size())
                .append(differences.size() == 1 ? " difference" : " differences")
                .append(", snapshot ")
                .append(file)
                .append("):\n");
        int listed = 0;
        for (SnapshotDifference difference : differences) {
            if (listed == MAX_LISTED_DIFFERENCES) {
                out.append("  ... and ").append(differences.size() - listed).append(" more\n");
                break;
            }
            out.append("  ").append(difference.describe()).append('\n');
            listed++;
        }
        out.append(updateHint());
        return out.toString();
    }

    private static String updateHint() {
        return "If the change is intended, rewrite the snapshot with -D" + SnapshotSettings.UPDATE_PROPERTY
                + "=true (or " + SnapshotSettings.UPDATE_ENV + "=true), then review and commit the file.";
    }
}
