package dev.runway.render.verify;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.verify.KubeSchema.KindInfo;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Verifies rendered manifests without a cluster: strict Kubernetes structure ({@link StructureCheck}), the API
 * server's and the platform's semantic rules ({@link SemanticCheck}), custom resources against the
 * CustomResourceDefinitions given in the options ({@link CrdCheck}) and, for runway-eks services, the identity
 * wiring ({@link IdentityCheck}).
 *
 * <pre>{@code
 * VerifyResult result = new ManifestVerifier().verify(rendered, VerifyOptions.runwayEks("payments"));
 * result.lines().forEach(System.out::println);
 * }</pre>
 */
public final class ManifestVerifier {
    private final KubeSchema schema = new KubeSchema();

    /** The Kubernetes release whose API the structure checks follow. */
    public static String kubernetesVersion() {
        return KubeSchema.KUBERNETES_VERSION;
    }

    /** A manifest file's text to verify, and the name findings give it. */
    public record Source(String file, String text, int firstLine) {
        /** A whole file: its first line is line 1. */
        public Source(String file, String text) {
            this(file, text, 1);
        }
    }

    /**
     * Splits a saved {@code helm template} output file (for example the committed {@code manifests.yaml}) into one
     * source per document, all named {@code file} and numbered by their lines in that file, so findings and Code
     * Quality annotations point at the right line of the file the team commits.
     */
    public static List<Source> fromOutputFile(String output, String file) {
        return ManifestStreamParser.documents(output).stream()
                .map(d -> new Source(file, d.text(), d.firstLine()))
                .toList();
    }

    /**
     * Splits {@code helm template} output into one source per document, named by its {@code # Source:} comment
     * (documents without one are named {@code fallbackFile}).
     */
    public static List<Source> fromHelmOutput(String output, String fallbackFile) {
        return ManifestStreamParser.documents(output).stream()
                .map(d -> new Source(d.source().isEmpty() ? fallbackFile : d.source(), d.text()))
                .toList();
    }

    /** Verifies the manifests of a render. */
    public VerifyResult verify(RenderedChart chart, VerifyOptions options) {
        List<Source> sources = new ArrayList<>();
        for (RenderedManifest m : chart.manifests()) {
            sources.add(new Source(m.source(), m.text()));
        }
        return verify(sources, options);
    }

    /** Verifies manifest files (each may hold several YAML documents). */
    public VerifyResult verify(List<Source> sources, VerifyOptions options) {
        Findings findings = new Findings();
        List<Resource> resources = new ArrayList<>();
        for (Source source : sources) {
            List<YamlTree.TypedDocument> documents;
            try {
                documents = ManifestStreamParser.typedDocuments(source.text(), source.file(), source.firstLine());
            } catch (GoYamlException e) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "structure.yaml",
                        ResourceRef.none(),
                        "",
                        "YAML syntax error: " + e.getMessage(),
                        "fix the YAML at that line",
                        source.file(),
                        e.line()));
                continue;
            } catch (OutOfMemoryError e) {
                // The read of this one file filled the heap (its limits bound each document's node count, not the
                // length of its strings); all it allocated is unreachable here, so the other files are still checked.
                findings.add(new Finding(
                        Severity.ERROR,
                        "structure.yaml",
                        ResourceRef.none(),
                        "",
                        "the file is too large to read within the JVM's heap of "
                                + (Runtime.getRuntime().maxMemory() >> 20) + " MB",
                        "split the file, or give the JVM more heap (-Xmx, for Maven in MAVEN_OPTS)",
                        source.file(),
                        source.firstLine()));
                continue;
            }
            for (YamlTree.TypedDocument doc : documents) {
                if (doc.root() instanceof YMap map) {
                    resources.add(Resource.of(map, source.file(), doc.text()));
                } else {
                    findings.add(new Finding(
                            Severity.ERROR,
                            "structure.yaml",
                            ResourceRef.none(),
                            "",
                            "a manifest must be a YAML mapping, got "
                                    + doc.root().typeName(),
                            "write the resource as a mapping with apiVersion, kind and metadata",
                            source.file(),
                            doc.root().line()));
                }
            }
        }
        StructureCheck structure = new StructureCheck(schema, options.kubernetesVersion());
        CrdCheck crds = new CrdCheck(options.crds());
        IdentityHashMap<Resource, KindInfo> kinds = new IdentityHashMap<>();
        for (Resource r : resources) {
            var definition = crds.definitionOf(r);
            if (definition.isPresent()) {
                crds.check(r, definition.get(), findings);
            } else {
                var info = structure.check(r, findings);
                if (info.isPresent()) {
                    kinds.put(r, info.get());
                }
            }
        }
        new SemanticCheck(resources, kinds, options, findings).run();
        new ApiServerRules(resources, kinds, findings).run();
        if (options.checksIdentity()) {
            new IdentityCheck(resources, options.serviceId(), findings).run();
        }
        List<ResourceRef> refs = new ArrayList<>();
        for (Resource r : resources) {
            refs.add(r.ref());
        }
        return new VerifyResult(refs, findings.list());
    }
}
