package dev.runway.render.chart;

import dev.runway.render.glob.GobwasGlob;
import dev.runway.render.gofmt.GoBytes;
import dev.runway.render.template.GoStruct;
import dev.runway.render.template.TemplateArityException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.yaml.GoYaml;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code .Files}: the chart's non-template files, with Helm's methods Get, GetBytes, Glob, Lines, AsConfig and
 * AsSecrets. Helm's engine.files is a {@code map[string][]byte} with methods, and so is this: {@code range $path,
 * $bytes := .Files.Glob "files/*"}, {@code len}, {@code index}, truthiness ({@code if .Files.Glob "none/*"} is false)
 * and {@code toJson} (base64 values) work on it as on the Go map; Sprig's map functions refuse it as Go does
 * ({@code expected map[string]interface {}; got engine.files}). Read-only.
 */
public final class ChartFiles extends AbstractMap<String, Object> implements GoStruct {
    private final Map<String, byte[]> files;
    private final Map<String, Object> view;

    ChartFiles(List<ChartFile> chartFiles) {
        this(byName(chartFiles));
    }

    private ChartFiles(Map<String, byte[]> files) {
        this.files = files;
        this.view = Collections.<String, Object>unmodifiableMap(files);
    }

    private static Map<String, byte[]> byName(List<ChartFile> chartFiles) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (ChartFile f : chartFiles) {
            m.put(f.name(), f.data());
        }
        return m;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Object get(Object key) {
        return files.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return files.containsKey(key);
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String goTypeName() {
        return "engine.files";
    }

    @Override
    public TemplateFunction method(String name) {
        return switch (name) {
            case "Get" ->
                (c, a) -> {
                    arity(name, a, 1);
                    byte[] b = files.get(stringArg(a.get(0)));
                    return b == null ? "" : GoBytes.string(b);
                };
            case "GetBytes" ->
                (c, a) -> {
                    arity(name, a, 1);
                    byte[] b = files.get(stringArg(a.get(0)));
                    return b == null ? new byte[0] : b.clone();
                };
            case "Glob" ->
                (c, a) -> {
                    arity(name, a, 1);
                    return glob(stringArg(a.get(0)));
                };
            case "Lines" ->
                (c, a) -> {
                    arity(name, a, 1);
                    return lines(stringArg(a.get(0)));
                };
            case "AsConfig" ->
                (c, a) -> {
                    arity(name, a, 0);
                    Map<String, Object> m = new TreeMap<>();
                    files.forEach((k, v) -> m.put(baseName(k), GoBytes.string(v)));
                    return GoYaml.toYaml(m);
                };
            case "AsSecrets" ->
                (c, a) -> {
                    arity(name, a, 0);
                    Map<String, Object> m = new TreeMap<>();
                    files.forEach(
                            (k, v) -> m.put(baseName(k), Base64.getEncoder().encodeToString(v)));
                    return GoYaml.toYaml(m);
                };
            default -> null;
        };
    }

    private static void arity(String name, List<Object> a, int want) {
        if (a.size() != want) {
            throw new TemplateArityException(
                    "wrong number of args for " + name + ": want " + want + " got " + a.size());
        }
    }

    private static String stringArg(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw new TemplateArityException("wrong type for value; expected string; got "
                + (o == null ? "<nil>" : o.getClass().getSimpleName()));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private ChartFiles glob(String pattern) {
        // Helm's Files.Glob: gobwas/glob with '/' as separator; a pattern gobwas refuses becomes "**", every file.
        GobwasGlob glob = GobwasGlob.compile(pattern);
        Map<String, byte[]> matched = new LinkedHashMap<>();
        files.forEach((k, v) -> {
            if (glob == null || glob.matches(k)) {
                matched.put(k, v);
            }
        });
        return new ChartFiles(matched);
    }

    private List<Object> lines(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            return new ArrayList<>();
        }
        String s = GoBytes.string(b);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return new ArrayList<>(Arrays.asList((Object[]) s.split("\n", -1)));
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** fmt's %v of the map: {@code map[files/a.txt:[104 105]]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            if (!first) {
                b.append(' ');
            }
            first = false;
            b.append(e.getKey()).append(":[");
            for (int i = 0; i < e.getValue().length; i++) {
                b.append(i == 0 ? "" : " ").append(e.getValue()[i] & 0xff);
            }
            b.append(']');
        }
        return b.append(']').toString();
    }
}
