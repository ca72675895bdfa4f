package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.util.List;

/**
 * A render's manifests as one Flux check run reads them: each located in the output once, and its YAML tree, its
 * Flux expressions and its {@link PlaceholderScanner.Locator} made at most once, when a check first asks, for every
 * check of the run to share (issue 19: the scanner ran twice per verify and the safety check parsed each manifest
 * again for every sample). The caller makes one for a run and drops it with the run, so it holds no more than the
 * render being checked; one thread at a time.
 */
public final class ParsedManifests {

    private final List<ManifestStream.Located> located;
    private final YamlTree[] trees;
    private final GoYamlException[] treeErrors;
    private final EnvsubstParser.Outcome[] expressions;
    private final PlaceholderScanner.Locator[] locators;
    private ScanResult scan;

    private ParsedManifests(List<ManifestStream.Located> located) {
        this.located = List.copyOf(located);
        int n = this.located.size();
        this.trees = new YamlTree[n];
        this.treeErrors = new GoYamlException[n];
        this.expressions = new EnvsubstParser.Outcome[n];
        this.locators = new PlaceholderScanner.Locator[n];
    }

    /** The manifests of a render; lines are lines of the render's output. */
    public static ParsedManifests of(RenderedChart chart) {
        return new ParsedManifests(ManifestStream.locate(chart));
    }

    /** Manifests on their own; lines count from each manifest's first line. */
    static ParsedManifests of(List<RenderedManifest> manifests) {
        return new ParsedManifests(
                manifests.stream().map(m -> new ManifestStream.Located(m, 0)).toList());
    }

    int size() {
        return located.size();
    }

    ManifestStream.Located located(int index) {
        return located.get(index);
    }

    /** The manifest's YAML tree, or null when it is not YAML ({@link #treeError} says why). */
    YamlTree tree(int index) {
        parseTree(index);
        return trees[index];
    }

    /** Why the manifest is not YAML, or null when it is. */
    GoYamlException treeError(int index) {
        parseTree(index);
        return treeErrors[index];
    }

    private void parseTree(int index) {
        if (trees[index] == null && treeErrors[index] == null) {
            try {
                trees[index] = YamlTree.parse(located.get(index).manifest().text());
            } catch (GoYamlException e) {
                treeErrors[index] = e;
            }
        }
    }

    /** Flux's expressions in the manifest's text, with the ones it cannot parse. */
    EnvsubstParser.Outcome expressions(int index) {
        if (expressions[index] == null) {
            expressions[index] =
                    new EnvsubstParser(located.get(index).manifest().text()).parseTolerant();
        }
        return expressions[index];
    }

    /** Ties offsets in the manifest's text to its resource, field, line and column. */
    PlaceholderScanner.Locator locator(int index) {
        if (locators[index] == null) {
            ManifestStream.Located l = located.get(index);
            locators[index] = new PlaceholderScanner.Locator(l.manifest(), l.lineOffset(), tree(index));
        }
        return locators[index];
    }

    /** {@link PlaceholderScanner#scan} of these manifests, made once for the run's checks. */
    ScanResult scan() {
        if (scan == null) {
            scan = PlaceholderScanner.scanManifests(this);
        }
        return scan;
    }
}
