package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.semver.SemverRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart pipeline without the oracle: loading, coalescing, scopes, errors. */
class ChartPipelineTest {
    @TempDir
    Path dir;

    private Path chart(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return dir;
    }

    @Test
    void coalescingKeepsDefaultsLetsUserWinAndNullRemoves() {
        Map<String, Object> defaults = new LinkedHashMap<>(
                Map.of("a", "default", "keep", "k", "m", new LinkedHashMap<>(Map.of("x", 1.0, "y", 2.0))));
        Chart chart = new Chart(ChartMetadata.of("c", "1", "v2"), defaults, null, List.of(), List.of(), List.of());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("a", null);
        user.put("m", new LinkedHashMap<>(Map.of("y", 3.0)));
        Map<String, Object> out = ValuesCoalescer.coalesce(chart, user);
        assertFalse(out.containsKey("a"));
        assertEquals("k", out.get("keep"));
        assertEquals(Map.of("x", 1.0, "y", 3.0), out.get("m"));
        assertEquals(2.0, ((Map<?, ?>) defaults.get("m")).get("y"), "chart defaults are not changed");
    }

    @Test
    void nestedNullRemovesADefaultAndStaysWhereTheChartHasNone() {
        // The null handling of nested tables runs only for tables holding a null: both of its outcomes, and a
        // table without nulls next to them.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", 1.0);
        m.put("y", 2.0);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("m", m);
        defaults.put("n", new LinkedHashMap<>(Map.of("p", "default")));
        Chart chart = new Chart(ChartMetadata.of("c", "1", "v2"), defaults, null, List.of(), List.of(), List.of());
        Map<String, Object> userM = new LinkedHashMap<>();
        userM.put("y", null);
        userM.put("z", null);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("m", userM);
        user.put("n", new LinkedHashMap<>(Map.of("q", "user")));
        Map<String, Object> out = ValuesCoalescer.coalesce(chart, user);
        Map<?, ?> outM = (Map<?, ?>) out.get("m");
        assertEquals(1.0, outM.get("x"));
        assertFalse(outM.containsKey("y"), "a user null removes the chart's default");
        assertTrue(outM.containsKey("z") && outM.get("z") == null, "a null for a key the chart lacks stays");
        assertEquals(Map.of("p", "default", "q", "user"), out.get("n"));
    }

    @Test
    void eachKubeVersionGetsItsOwnCapabilities() throws IOException {
        // The renderer keeps the capabilities of each kube version it has seen: a later render with another
        // version must not see the first one's.
        Path c = chart(Map.of(
                "Chart.yaml", "apiVersion: v2\nname: caps\nversion: 0.1.0\n",
                "templates/cm.yaml",
                        "kind: ConfigMap\nmetadata:\n  name: {{ .Capabilities.KubeVersion.Minor | quote }}\n"));
        HelmRenderer renderer = HelmRenderer.prepare(Chart.load(c));
        for (String minor : List.of("29", "31", "29")) {
            String out = renderer.render(Map.of(), RenderOptions.of("rel", "ns").withKubeVersion("v1." + minor + ".2"))
                    .output();
            assertTrue(out.contains("name: \"" + minor + "\""), out);
        }
    }

    @Test
    void rendersAChartFromADirectoryWithSubchartAndHelmignore() throws IOException {
        Path c = chart(Map.of(
                "Chart.yaml", "apiVersion: v2\nname: parent\nversion: 0.1.0\n",
                "values.yaml", "global:\n  g: 1\nsub:\n  a: from-parent\n",
                ".helmignore", "secret.txt\n",
                "secret.txt", "s",
                "templates/cm.yaml", """
                        kind: ConfigMap
                        metadata:
                          name: {{ .Release.Name }}
                        data:
                          secret: "{{ .Files.Get "secret.txt" }}"
                        """,
                "charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.2.0\n",
                "charts/sub/values.yaml", "a: sub-default\n",
                "charts/sub/templates/s.yaml",
                        "kind: Service\nmetadata:\n  name: {{ .Values.a }}-{{ .Values.global.g }}\n"));
        RenderedChart out = HelmRenderer.render(Chart.load(c), Map.of(), RenderOptions.of("rel", "ns"));
        // ConfigMap installs before Service, whatever the file order.
        assertEquals("""
                ---
                # Source: parent/templates/cm.yaml
                kind: ConfigMap
                metadata:
                  name: rel
                data:
                  secret: ""
                ---
                # Source: parent/charts/sub/templates/s.yaml
                kind: Service
                metadata:
                  name: from-parent-1
                """, out.output());
        assertEquals("Service/from-parent-1", out.manifests().get(1).id());
    }

    @Test
    void failMessagesComeOutAsHelmWritesThem() throws IOException {
        Path c = chart(Map.of(
                "Chart.yaml",
                "apiVersion: v2\nname: c\nversion: 0.1.0\n",
                "templates/_h.tpl",
                "{{ define \"h\" }}{{ fail \"no way\" }}{{ end }}",
                "templates/t.yaml",
                "a: 1\n{{ include \"h\" . }}\n"));
        RenderException e = assertThrows(
                RenderException.class, () -> HelmRenderer.render(Chart.load(c), Map.of(), RenderOptions.defaults()));
        assertEquals("execution error at (c/templates/t.yaml:2:3): no way", e.getMessage());
    }

    @Test
    void kubeVersionsPastWhatTheRendererKeepsAreStillCheckedAndReported() throws IOException {
        // The renderer keeps 16 kube versions' capabilities and range checks; the 40 below go past that, twice.
        Path c = chart(Map.of(
                "Chart.yaml",
                "apiVersion: v2\nname: c\nversion: 0.1.0\nkubeVersion: \">=1.20.0\"\n",
                "templates/cm.yaml",
                "kind: ConfigMap\nmetadata:\n  name: {{ .Capabilities.KubeVersion.Version | quote }}\n"));
        HelmRenderer renderer = HelmRenderer.prepare(Chart.load(c));
        for (int round = 0; round < 2; round++) {
            for (int minor = 0; minor < 40; minor++) {
                RenderOptions options = RenderOptions.of("rel", "ns").withKubeVersion("v1." + minor + ".0");
                if (minor < 20) {
                    assertThrows(RenderException.class, () -> renderer.render(Map.of(), options), "1." + minor);
                } else {
                    String out = renderer.render(Map.of(), options).output();
                    assertTrue(out.contains("name: \"v1." + minor + ".0\""), out);
                }
            }
        }
    }

    @Test
    void subchartSelectionsPastWhatTheRendererKeepsAreStillRenderedRight() throws IOException {
        // Six subcharts behind conditions give 64 selections; the renderer keeps 32 parsed sets, and each selection
        // is rendered twice, so the later ones are parsed afresh each time and must come out the same.
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder deps = new StringBuilder("apiVersion: v2\nname: c\nversion: 0.1.0\ndependencies:\n");
        for (int i = 0; i < 6; i++) {
            deps.append("  - name: s")
                    .append(i)
                    .append("\n    version: 0.1.0\n    condition: s")
                    .append(i)
                    .append(".on\n");
            files.put("charts/s" + i + "/Chart.yaml", "apiVersion: v2\nname: s" + i + "\nversion: 0.1.0\n");
            files.put("charts/s" + i + "/templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: s" + i + "\n");
        }
        files.put("Chart.yaml", deps.toString());
        HelmRenderer renderer = HelmRenderer.prepare(Chart.load(chart(files)));
        for (int round = 0; round < 2; round++) {
            for (int mask = 0; mask < 64; mask++) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < 6; i++) {
                    values.put("s" + i, Map.of("on", (mask & (1 << i)) != 0));
                }
                String out =
                        renderer.render(values, RenderOptions.of("rel", "ns")).output();
                for (int i = 0; i < 6; i++) {
                    assertEquals(
                            (mask & (1 << i)) != 0, out.contains("name: s" + i + "\n"), "mask " + mask + ": " + out);
                }
            }
        }
    }

    @Test
    void kubeVersionConstraintIsChecked() throws IOException {
        Path c = chart(Map.of(
                "Chart.yaml",
                "apiVersion: v2\nname: c\nversion: 0.1.0\nkubeVersion: \">=1.30.0\"\n",
                "templates/t.yaml",
                "a: 1\n"));
        RenderException e = assertThrows(
                RenderException.class,
                () -> HelmRenderer.render(
                        Chart.load(c), Map.of(), RenderOptions.defaults().withKubeVersion("v1.29.0")));
        assertEquals(
                "chart requires kubeVersion: >=1.30.0 which is incompatible with Kubernetes v1.29.0", e.getMessage());
    }

    @Test
    void theRunwayEksChartLoadsFromTheClasspath() {
        Chart chart = Chart.loadClasspath("charts/runway-eks");
        assertEquals("runway-eks", chart.name());
        assertTrue(chart.templates().stream().anyMatch(t -> t.name().equals("templates/deployment.yaml")));
        assertTrue(chart.files().stream().noneMatch(f -> f.name().startsWith("ci/")), ".helmignore drops ci/");
    }

    @Test
    void helmignoreAndGlobRules() {
        HelmIgnore ignore = HelmIgnore.parse("*.bak\n/top.txt\ndocs/\n!keep.bak\n", ".helmignore");
        assertTrue(ignore.ignores("x.bak", false));
        assertTrue(ignore.ignores("a/b/x.bak", false));
        assertTrue(ignore.ignores("templates/.hidden", false));
        assertTrue(ignore.ignores("docs", true));
        assertEquals(true, dev.runway.render.glob.GoPath.MATCH.match("data/*.txt", "data/a.txt"));
        assertEquals(false, dev.runway.render.glob.GoPath.MATCH.match("data/*.txt", "data/sub/a.txt"));
        assertTrue(SemverRange.isCompatible(">=1.27.0-0", "v1.33.0"));
        assertFalse(SemverRange.isCompatible(">=1.27.0 <1.30.0", "v1.33.0"));
        assertTrue(SemverRange.isCompatible("1.33.x || 1.20.x", "v1.33.4"));
    }
}
