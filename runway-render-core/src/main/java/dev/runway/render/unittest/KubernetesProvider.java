package dev.runway.render.unittest;

import dev.runway.render.chart.ClusterLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * helm-unittest's {@code kubernetesProvider} (k8s_fake_client.go): a fake cluster for Helm's {@code lookup}. The
 * {@code scheme} maps {@code <apiVersion>/<kind>} to the resource ({@code gvr}) and whether it is namespaced; the
 * {@code objects} are what client-go's fake dynamic client holds, each under the resource its kind guesses
 * (meta.UnsafeGuessKindToResource: {@code Ingress} is {@code ingresses}). A kind the scheme lacks finds nothing.
 *
 * @param scheme  resource and scope per {@code <apiVersion>/<kind>}
 * @param objects the objects, as written
 */
record KubernetesProvider(Map<String, Kind> scheme, List<Map<String, Object>> objects) implements ClusterLookup {

    /** One scheme entry: group, version and resource, and whether objects live in namespaces. */
    record Kind(String group, String version, String resource, boolean namespaced) {}

    /** The suite's and the test's provider merged as polishKubernetesProviderSettings does; null without objects. */
    static KubernetesProvider of(Object suite, Object test) {
        Map<String, Kind> scheme = new LinkedHashMap<>();
        List<Map<String, Object>> objects = new ArrayList<>();
        read(test, scheme, objects);
        read(suite, scheme, objects);
        return objects.isEmpty() ? null : new KubernetesProvider(scheme, objects);
    }

    private static void read(Object provider, Map<String, Kind> scheme, List<Map<String, Object>> objects) {
        if (!(provider instanceof Map<?, ?> p)) {
            return;
        }
        if (p.get("scheme") instanceof Map<?, ?> s) {
            s.forEach((key, props) -> {
                Map<?, ?> m = props instanceof Map<?, ?> pm ? pm : Map.of();
                Map<?, ?> gvr = m.get("gvr") instanceof Map<?, ?> g ? g : Map.of();
                scheme.put(
                        String.valueOf(key),
                        new Kind(
                                text(gvr.get("group")),
                                text(gvr.get("version")),
                                text(gvr.get("resource")),
                                Boolean.TRUE.equals(m.get("namespaced"))));
            });
        }
        if (p.get("objects") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) m;
                    objects.add(object);
                }
            }
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** Helm's lookup over the fake dynamic client: Get by name, else List; what is not there is an empty map. */
    @Override
    public Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name) {
        Kind k = scheme.get(apiVersion.isEmpty() ? kind : apiVersion + "/" + kind);
        if (k == null || k.resource().isEmpty()) {
            return new LinkedHashMap<>();
        }
        // c.Namespace(ns) only for a namespaced kind and a namespace; otherwise the cluster-wide client
        String scope = k.namespaced() ? namespace : "";
        List<Map<String, Object>> found = new ArrayList<>();
        String listKind = null;
        for (Map<String, Object> o : objects) {
            String objectApiVersion = text(o.get("apiVersion"));
            String group =
                    objectApiVersion.contains("/") ? objectApiVersion.substring(0, objectApiVersion.indexOf('/')) : "";
            String version = objectApiVersion.substring(objectApiVersion.indexOf('/') + 1);
            String objectKind = text(o.get("kind"));
            if (!group.equals(k.group())
                    || !version.equals(k.version())
                    || !guessResource(objectKind).equals(k.resource())) {
                continue;
            }
            listKind = objectKind + "List";
            Map<?, ?> meta = o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            String objectNamespace = text(meta.get("namespace"));
            if (!name.isEmpty()) {
                if (name.equals(text(meta.get("name"))) && scope.equals(objectNamespace)) {
                    return new LinkedHashMap<>(o);
                }
            } else if (scope.isEmpty() || scope.equals(objectNamespace)) {
                found.add(o);
            }
        }
        if (!name.isEmpty() || listKind == null) {
            return new LinkedHashMap<>();
        }
        found.sort(Comparator.<Map<String, Object>, String>comparing(o -> metadata(o, "namespace"))
                .thenComparing(o -> metadata(o, "name")));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", k.group().isEmpty() ? k.version() : k.group() + "/" + k.version());
        list.put("items", new ArrayList<Object>(found));
        list.put("kind", listKind);
        Map<String, Object> listMeta = new LinkedHashMap<>();
        listMeta.put("continue", "");
        listMeta.put("resourceVersion", "");
        list.put("metadata", listMeta);
        return list;
    }

    private static String metadata(Map<String, Object> o, String field) {
        return o.get("metadata") instanceof Map<?, ?> m ? text(m.get(field)) : "";
    }

    /** meta.UnsafeGuessKindToResource: lower case, then s, es after s, ies for y. */
    static String guessResource(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return lower;
        }
        if (lower.endsWith("s")) {
            return lower + "es";
        }
        if (lower.endsWith("y")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }
}
