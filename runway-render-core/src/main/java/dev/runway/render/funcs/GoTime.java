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
    /**
     * Go's monotonic clock reading, nanoseconds since the process started (time.Now's, kept by Add), or
     * {@link #NO_MONOTONIC}: String() prints it as " m=+0.138972673".
     */
    private final long monotonic;

    private static final long NO_MONOTONIC = Long.MIN_VALUE;
    /** Go's startNano (time.go: runtimeNano() - 1 at package init); here the class's first use in this JVM. */
    private static final long START_NANOS = System.nanoTime() - 1;
    /** 1885-01-01T00:00:00Z: Go keeps a monotonic reading only with a wall second in [0, 2^33) from here. */
    private static final long MONOTONIC_WALL_START = -2_682_288_000L;

    GoTime(ZonedDateTime time, GoZoneNames zones) {
        this(time, zones, null);
    }

    GoTime(ZonedDateTime time, GoZoneNames zones, String zoneName) {
        this(time, zones, zoneName, NO_MONOTONIC);
    }

    private GoTime(ZonedDateTime time, GoZoneNames zones, String zoneName, long monotonic) {
        this.time = time;
        this.zones = zones;
        this.zoneName = zoneName;
        this.monotonic = monotonic;
    }

    static GoTime now(GoZoneNames zones) {
        ZonedDateTime wall = ZonedDateTime.now(ZoneId.systemDefault());
        return new GoTime(wall, zones, null, System.nanoTime() - START_NANOS);
    }

    /** The same instant shown in another zone; Go's In strips the monotonic reading. */
    GoTime in(java.time.ZoneId zone) {
        return new GoTime(time.withZoneSameInstant(zone), zones);
    }

    /**
     * Time.Add: the monotonic reading moves along, and is dropped when it would overflow or the wall time leaves
     * the range Go keeps it for (time.go Add, addSec).
     */
    GoTime plusNanos(long nanos) {
        ZonedDateTime moved = time.plusNanos(nanos);
        long mono = NO_MONOTONIC;
        if (monotonic != NO_MONOTONIC) {
            long wallSeconds = moved.toEpochSecond() - MONOTONIC_WALL_START;
            long sum = monotonic + nanos;
            boolean overflow = ((monotonic ^ sum) & (nanos ^ sum)) < 0;
            if (!overflow && sum != NO_MONOTONIC && wallSeconds >= 0 && wallSeconds < (1L << 33)) {
                mono = sum;
            }
        }
        return new GoTime(moved, zones, zoneName, mono);
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
        String text = format("2006-01-02 15:04:05.999999999 -0700 MST");
        if (monotonic == NO_MONOTONIC) {
            return text;
        }
        // Time.String: " m=±<seconds>.<9 digits>" after the wall time.
        StringBuilder out = new StringBuilder(text).append(" m=").append(monotonic < 0 ? '-' : '+');
        long magnitude = Math.abs(monotonic);
        String fraction = Long.toString(magnitude % 1_000_000_000L);
        out.append(magnitude / 1_000_000_000L).append('.');
        out.append("0".repeat(9 - fraction.length())).append(fraction);
        return out.toString();
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
