package dev.runway.render.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a snapshot holds: which rendered resources, and which fields are masked because they change on every render
 * (checksums, generated names, timestamps). Immutable; each {@code with...}-style method returns a new value.
 *
 * <pre>{@code
 * SnapshotOptions options = SnapshotOptions.defaults()
 *         .selectKinds("Deployment", "ConfigMap")
 *         .mask("spec.template.metadata.annotations[checksum/gcp-credentials]");
 * }</pre>
 *
 * <p>A resource is in the snapshot when its kind is among {@code kinds} (or {@code kinds} is empty), its
 * {@code metadata.name} is among {@code names} (or {@code names} is empty) and its kind is not among
 * {@code excludedKinds}. A selection that picks no rendered resource, and a mask that matches no field of the
 * selected resources, are errors: both are usually typos.
 *
 * @param kinds         kinds to keep (empty: all)
 * @param names         {@code metadata.name}s to keep (empty: all)
 * @param excludedKinds kinds to leave out
 * @param masks         fields replaced by {@link #MASK_MARKER}
 */
public record SnapshotOptions(Set<String> kinds, Set<String> names, Set<String> excludedKinds, List<Mask> masks) {

    /** What a masked field holds in the snapshot. */
    public static final String MASK_MARKER = "<masked>";

    private static final SnapshotOptions DEFAULTS = new SnapshotOptions(Set.of(), Set.of(), Set.of(), List.of());

    public SnapshotOptions {
        kinds = Set.copyOf(kinds);
        names = Set.copyOf(names);
        excludedKinds = Set.copyOf(excludedKinds);
        masks = List.copyOf(masks);
    }

    /** Every rendered resource, nothing masked. */
    public static SnapshotOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A field to mask, in the resources {@code resource} matches: {@code ""} (all), {@code Kind} or
     * {@code Kind/name}.
     */
    public record Mask(String resource, FieldPath path) {
        public Mask {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(path, "path");
            if (path.isRoot()) {
                throw new IllegalArgumentException("a mask needs a field path; to leave a whole resource out, "
                        + "use excludeKinds or selectNames");
            }
        }

        boolean appliesTo(SnapshotResource r) {
            if (resource.isEmpty()) {
                return true;
            }
            int slash = resource.indexOf('/');
            if (slash < 0) {
                return resource.equals(r.kind());
            }
            String kind = resource.substring(0, slash);
            String name = resource.substring(slash + 1);
            return ("*".equals(kind) || kind.equals(r.kind())) && name.equals(r.name());
        }

        @Override
        public String toString() {
            return resource.isEmpty() ? path.toString() : resource + " " + path;
        }
    }

    /** Keeps only resources of these kinds (adds to an earlier selection of kinds). */
    public SnapshotOptions selectKinds(String... kinds) {
        return new SnapshotOptions(union(this.kinds, kinds), names, excludedKinds, masks);
    }

    /** Keeps only resources with these {@code metadata.name}s (adds to an earlier selection of names). */
    public SnapshotOptions selectNames(String... names) {
        return new SnapshotOptions(kinds, union(this.names, names), excludedKinds, masks);
    }

    /** Leaves out resources of these kinds. */
    public SnapshotOptions excludeKinds(String... kinds) {
        return new SnapshotOptions(this.kinds, names, union(excludedKinds, kinds), masks);
    }

    /**
     * Masks a field in every selected resource that has it. The path is written as failure messages print it; a
     * whole line copied from a failure message ({@code Deployment/payments spec.replicas}) masks the field only in
     * that resource.
     */
    public SnapshotOptions mask(String path) {
        String text = path.strip();
        int space = text.indexOf(' ');
        if (space > 0 && text.substring(0, space).matches("[A-Za-z0-9*]+(/[^\\s]+)?")) {
            return mask(text.substring(0, space), text.substring(space + 1).strip());
        }
        return withMask(new Mask("", FieldPath.parse(text)));
    }

    /** Masks a field only in resources matching {@code resource}: {@code Kind}, {@code Kind/name} or {@code *}/name. */
    public SnapshotOptions mask(String resource, String path) {
        return withMask(new Mask(resource.strip(), FieldPath.parse(path)));
    }

    private SnapshotOptions withMask(Mask mask) {
        List<Mask> next = new ArrayList<>(masks);
        next.add(mask);
        return new SnapshotOptions(kinds, names, excludedKinds, next);
    }

    boolean selects(SnapshotResource resource) {
        return (kinds.isEmpty() || kinds.contains(resource.kind()))
                && (names.isEmpty() || names.contains(resource.name()))
                && !excludedKinds.contains(resource.kind());
    }

    boolean selectsEverything() {
        return kinds.isEmpty() && names.isEmpty() && excludedKinds.isEmpty();
    }

    private static Set<String> union(Set<String> existing, String... more) {
        Set<String> result = new LinkedHashSet<>(existing);
        for (String value : more) {
            Objects.requireNonNull(value, "selection values must not be null");
            result.add(value);
        }
        return result;
    }
}
