package dev.runway.render.servicemanifest;

import dev.runway.render.values.MergedValues;
import dev.runway.render.values.ValueOrigin;
import dev.runway.render.values.ValuesPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for the service id (Runway's CI input {@code runway_service_id}): it may be given by the build
 * ({@code runway.serviceId}), by the values ({@code serviceId}) and by the service manifest ({@code metadata.name});
 * every place that gives one must give the same, and that is the id. A disagreement is an error naming each place,
 * because the id names the namespace, the ServiceAccount and the cloud identities the provisioner creates.
 */
public final class ServiceIdRule {

    /** One place that names the service id, described for messages ({@code .runway/runway.yml:4:9 (metadata.name)}). */
    public record Claim(String id, String where) {
        public Claim {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(where, "where");
        }
    }

    private ServiceIdRule() {}

    /** The build's own id ({@code runway.serviceId}, which the CI template fills from {@code runway_service_id}). */
    public static Claim fromBuild(String id) {
        return new Claim(id == null ? "" : id, "runway.serviceId");
    }

    /** {@code serviceId} of the merged values files and {@code --set} flags, with the place that gave it. */
    public static Claim fromValues(MergedValues values) {
        Object id = values.values().get("serviceId");
        Optional<ValueOrigin> origin = values.origins().originOf(ValuesPath.of("serviceId"));
        String where = origin.isPresent() ? origin.get() + " (serviceId)" : "the values (serviceId)";
        return new Claim(id instanceof String s ? s : "", where);
    }

    /** {@code metadata.name} of the manifest. */
    public static Claim fromManifest(ServiceManifest manifest) {
        return new Claim(manifest.serviceId(), manifest.serviceIdPosition() + " (metadata.name)");
    }

    /**
     * The service id the claims agree on.
     *
     * @throws IllegalArgumentException when they disagree, or when none gives an id
     */
    public static String resolve(List<Claim> claims) {
        List<Claim> given = new ArrayList<>();
        for (Claim claim : claims) {
            if (!claim.id().isBlank()) {
                given.add(claim);
            }
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no service id: set metadata.name in " + ServiceManifests.DEFAULT
                    + ", serviceId in .runway/values.yaml, or runway.serviceId (the CI input runway_service_id)");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Claim claim : given) {
            ids.add(claim.id().strip());
        }
        if (ids.size() == 1) {
            return ids.iterator().next();
        }
        List<String> each = new ArrayList<>();
        for (Claim claim : given) {
            each.add("\"" + claim.id().strip() + "\" from " + claim.where());
        }
        throw new IllegalArgumentException("the service id is given differently: " + String.join(", ", each)
                + ". It names the namespace, the ServiceAccount and the cloud identities, so every place must give the "
                + "same id: change the ones that are wrong (the manifest's metadata.name is Runway's service id)");
    }
}
