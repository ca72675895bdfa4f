package dev.runway.render.funcs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's fromToml (funcs.go fromTOML: BurntSushi/toml.Unmarshal into map[string]interface{}), read with Jackson's TOML
 * parser. Values take BurntSushi's Go types: tables are maps, arrays lists, integers int64, floats float64, an offset
 * date-time a time.Time, and local dates, date-times and times a time.Time in BurntSushi's {@code date-local},
 * {@code datetime-local} and {@code time-local} locations. A document that does not parse gives a map holding
 * {@code Error}, as in Helm; the message is Jackson's, not BurntSushi's.
 */
final class TomlReader {
    /** With the read limits of every other reader (GuardedYaml): Jackson's TOML parser nests by recursion. */
    private static final TomlMapper MAPPER = TomlMapper.builder(
                    com.fasterxml.jackson.dataformat.toml.TomlFactory.builder()
                            .streamReadConstraints(dev.runway.render.yaml.GuardedYaml.jsonConstraints())
                            .build())
            .enable(TomlReadFeature.PARSE_JAVA_TIME)
            .build();

    private TomlReader() {}

    static Map<String, Object> fromToml(String text) {
        try {
            Object v = value(MAPPER.readTree(text));
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                return map;
            }
            return new LinkedHashMap<>();
        } catch (JacksonException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Error", "toml: " + e.getOriginalMessage());
            return m;
        }
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            for (JsonNode item : n) {
                l.add(value(item));
            }
            return l;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n instanceof POJONode p) {
            return time(p.getPojo());
        }
        return n.asText();
    }

    private static Object time(Object t) {
        if (t instanceof OffsetDateTime odt) {
            return new GoTime(odt.toZonedDateTime(), null);
        }
        if (t instanceof LocalDateTime ldt) {
            return new GoTime(ldt.atZone(ZoneOffset.UTC), null, "datetime-local");
        }
        if (t instanceof LocalDate ld) {
            return new GoTime(ld.atStartOfDay(ZoneOffset.UTC), null, "date-local");
        }
        if (t instanceof LocalTime lt) {
            return new GoTime(lt.atDate(LocalDate.of(0, 1, 1)).atZone(ZoneOffset.UTC), null, "time-local");
        }
        return String.valueOf(t);
    }
}
