package dev.runway.render.verify;

import dev.runway.render.verify.KubeSchema.Shape;
import java.util.List;

/**
 * The JSON type a field of a built-in kind must have, from the same client models {@link ManifestVerifier} checks
 * structure with: for other packages that need to know whether a value must stay a string (the Flux safety check).
 * Each instance caches what it read from the models; keep one for many look-ups.
 */
public final class KubeFieldTypes {

    /** What the API server accepts at a field. */
    public enum FieldType {
        /** Only a JSON string ({@code data} values, labels, annotations, names, images, env values, ...). */
        STRING,
        /** A number or a string (int-or-string fields and quantities). */
        NUMBER_OR_STRING,
        /** A number, a boolean, an object or an array: not a string. */
        NOT_STRING,
        /** Not a field of a built-in kind (a custom resource, an unknown field): nothing is known. */
        UNKNOWN
    }

    private final KubeSchema schema = new KubeSchema();

    /**
     * The type at {@code path} (map keys as String, list indexes as Integer) of an {@code apiVersion}/{@code kind}
     * object, for example {@code ["data", "project"]} of a v1 ConfigMap is {@link FieldType#STRING}.
     */
    public FieldType typeOf(String apiVersion, String kind, List<Object> path) {
        if (!(schema.lookup(apiVersion, kind) instanceof KubeSchema.Lookup.Found found)) {
            return FieldType.UNKNOWN;
        }
        Shape shape = schema.objectShape(found.info().modelName());
        for (Object segment : path) {
            if (shape instanceof Shape.ObjectShape object && segment instanceof String key) {
                KubeSchema.JavaType type = object.type(key);
                if (type == null) {
                    return FieldType.UNKNOWN;
                }
                shape = schema.shapeOf(type);
            } else if (shape instanceof Shape.MapShape map && segment instanceof String) {
                shape = schema.shapeOf(map.value());
            } else if (shape instanceof Shape.ListShape list && segment instanceof Integer) {
                shape = schema.shapeOf(list.element());
            } else {
                return FieldType.UNKNOWN;
            }
        }
        if (shape instanceof Shape.EnumShape) {
            return FieldType.STRING;
        }
        if (shape instanceof Shape.Scalar scalar) {
            return switch (scalar) {
                case STRING, DATE_TIME, DATE, BYTES -> FieldType.STRING;
                case INT_OR_STRING, QUANTITY -> FieldType.NUMBER_OR_STRING;
                case ANY -> FieldType.UNKNOWN;
                default -> FieldType.NOT_STRING;
            };
        }
        return FieldType.NOT_STRING;
    }
}
