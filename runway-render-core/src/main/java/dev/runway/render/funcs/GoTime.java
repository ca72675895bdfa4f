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
    /**
     * The Go location's zone name when it is not the region's (BurntSushi/toml's "date-local", a zone time.Parse
     * fabricated for an unknown abbreviation or offset; "" for none), else null.
     */
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

    /** What Go prints for the MST layout element ("" for a fixed zone without a name: the numeric offset). */
    private String zoneAbbreviation() {
        return zoneName != null ? zoneName : zoneName(time.getZone(), time.toInstant(), zones);
    }

    /** The abbreviation of {@code zone} at {@code at} as Go names it ("UTC" for offset zero, "" for other offsets). */
    static String zoneName(ZoneId zone, java.time.Instant at, GoZoneNames zones) {
        if (zone instanceof java.time.ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "";
        }
        String name = zones == null ? null : zones.abbreviation(zone, at);
        return name != null ? name : DateTimeFormatter.ofPattern("z", Locale.US).format(at.atZone(zone));
    }

    /** Time.Format with a Go layout. */
    String format(String layout) {
        return GoTimeLayout.format(time, this::zoneAbbreviation, layout);
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
}
