package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.yaml.GoJson;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A Go time.Time: formatting with Go layouts ("2006-01-02T15:04:05Z07:00") and Go's String() form. The {@code MST}
 * element prints the zone's abbreviation as Go does ({@link GoZoneNames}: {@code +14} under Pacific/Kiritimati), or
 * the numeric offset for a zone without a name (a fixed offset parsed from text).
 */
final class GoTime implements GoFmt.GoTyped, GoJson.JsonMarshaler, GoValues.KindAware {
    final ZonedDateTime time;
    private final GoZoneNames zones;
    /** The Go location's zone name when it is not the region's (BurntSushi/toml's "date-local"), else null. */
    private final String zoneName;

    GoTime(ZonedDateTime time, GoZoneNames zones) {
        this(time, zones, null);
    }

    GoTime(ZonedDateTime time, GoZoneNames zones, String zoneName) {
        this.time = time;
        this.zones = zones;
        this.zoneName = zoneName;
    }

    static GoTime now(GoZoneNames zones) {
        return new GoTime(ZonedDateTime.now(ZoneId.systemDefault()), zones);
    }

    /** The same instant shown in another zone. */
    GoTime in(java.time.ZoneId zone) {
        return new GoTime(time.withZoneSameInstant(zone), zones);
    }

    /** What Go prints for the MST layout element. */
    private String zoneAbbreviation() {
        String name = zoneName;
        if (name == null) {
            java.time.ZoneId zone = time.getZone();
            if (zone instanceof java.time.ZoneOffset offset) {
                name = offset.getTotalSeconds() == 0 ? "UTC" : "";
            } else {
                name = zones == null ? null : zones.abbreviation(zone, time.toInstant());
                if (name == null) {
                    name = DateTimeFormatter.ofPattern("z", Locale.US).format(time);
                }
            }
        }
        if (!name.isEmpty()) {
            return name;
        }
        int minutes = time.getOffset().getTotalSeconds() / 60;
        return (minutes < 0 ? "-" : "+")
                + String.format(Locale.ROOT, "%02d%02d", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    String format(String layout) {
        // The zone name is Go's, not java.time's: format a placeholder and put it in afterwards.
        boolean zoneNamed = layout.contains("MST");
        if (zoneNamed) {
            layout = layout.replace("MST", "\u0002");
        }
        // Go's ".999..." prints the fraction without trailing zeros, and nothing at all for whole seconds.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[.,](9+)").matcher(layout);
        StringBuilder l = new StringBuilder();
        java.util.List<String> fractions = new java.util.ArrayList<>();
        while (m.find()) {
            String digits = String.format("%09d", time.getNano())
                    .substring(0, Math.min(9, m.group(1).length()));
            digits = digits.replaceAll("0+$", "");
            fractions.add(digits.isEmpty() ? "" : layout.charAt(m.start()) + digits);
            m.appendReplacement(l, "\u0001");
        }
        m.appendTail(l);
        String out = DateTimeFormatter.ofPattern(javaPattern(l.toString()), Locale.US)
                .format(time);
        for (String f : fractions) {
            out = out.replaceFirst("\u0001", java.util.regex.Matcher.quoteReplacement(f));
        }
        return zoneNamed ? out.replace("\u0002", zoneAbbreviation()) : out;
    }

    @Override
    public String goTypeName() {
        return "time.Time";
    }

    @Override
    public String goString() {
        return format("2006-01-02 15:04:05.999999999 -0700 MST");
    }

    @Override
    public String goKind() {
        return "struct";
    }

    @Override
    public Object toJsonValue() {
        return format("2006-01-02T15:04:05.999999999Z07:00");
    }

    /** Translates a Go reference-time layout into a java.time pattern. */
    static String javaPattern(String layout) {
        String[][] tokens = {
            {"January", "MMMM"},
            {"Monday", "EEEE"},
            {"2006", "uuuu"},
            {"Z07:00", "XXX"},
            {"Z0700", "XX"},
            {"-07:00", "xxx"},
            {"-0700", "xx"},
            {"-07", "x"},
            {".000000000", ".SSSSSSSSS"},
            {".000000", ".SSSSSS"},
            {".000", ".SSS"},
            {"Jan", "MMM"},
            {"Mon", "EEE"},
            {"MST", "z"},
            {"_2", "ppd"},
            {"002", "DDD"},
            {"01", "MM"},
            {"02", "dd"},
            {"06", "uu"},
            {"15", "HH"},
            {"03", "hh"},
            {"04", "mm"},
            {"05", "ss"},
            {"PM", "a"},
            {"pm", "a"},
            {"1", "M"},
            {"2", "d"},
            {"3", "h"},
            {"4", "m"},
            {"5", "s"}
        };
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            for (String[] t : tokens) {
                if (layout.startsWith(t[0], i)) {
                    if (literal.length() > 0) {
                        out.append('\'')
                                .append(literal.toString().replace("'", "''"))
                                .append('\'');
                        literal.setLength(0);
                    }
                    out.append(t[1]);
                    i += t[0].length();
                    continue outer;
                }
            }
            literal.append(layout.charAt(i));
            i++;
        }
        if (literal.length() > 0) {
            out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
        }
        return out.toString();
    }
}
