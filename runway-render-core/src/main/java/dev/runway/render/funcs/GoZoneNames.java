package dev.runway.render.funcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zone abbreviations as Go prints them for the {@code MST} layout element: Go reads them from the system's
 * tzdata (TZif files under {@code /usr/share/zoneinfo}, zoneinfo.go and zoneinfo_read.go), where newer releases
 * name many zones by their offset: Pacific/Kiritimati is {@code +14}, America/Sao_Paulo {@code -03}. Java's own names
 * come from CLDR ({@code LINT}, {@code BRT}), so this reads the same files Go reads. Where the system has no file
 * for a zone (a slim container image, Windows), the zones tzdata names by their offset still print that offset,
 * from a table derived from tzdata ({@code numeric-zone-abbreviations.txt}; the JDK's tzdb.dat keeps no
 * abbreviations); other zones keep Java's name there. (Go itself would not find the zone on such a system and would
 * print UTC: the output here is the one Helm gives on a machine with tzdata, as on every CI image Helm runs on.)
 *
 * <p>One instance per function library: parsed zones are cached (a bounded set: zone ids are the ones Java knows).
 */
final class GoZoneNames {
    /** Go's platformZoneSources on Unix, after $ZONEINFO. */
    private static final List<String> SOURCES =
            List.of("/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/");

    private static final String NUMERIC_TABLE = "numeric-zone-abbreviations.txt";
    /** Zone id to the first Unix second from which tzdata names it by its offset (Long.MIN_VALUE: always). */
    private static final Map<String, Long> NUMERIC_SINCE = readNumericTable();

    private final List<String> dirs;
    private final Map<String, Optional<Zone>> zones = new ConcurrentHashMap<>();

    /** Reads tzdata where Go looks for it: $ZONEINFO, then the usual Unix folders. */
    GoZoneNames() {
        this(sources(System.getenv("ZONEINFO")));
    }

    /** Reads tzdata from these folders only (none: as on a system without tzdata). */
    GoZoneNames(List<String> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    private static List<String> sources(String zoneinfo) {
        List<String> dirs = new ArrayList<>();
        if (zoneinfo != null && !zoneinfo.isEmpty()) {
            dirs.add(zoneinfo.endsWith("/") ? zoneinfo : zoneinfo + "/");
        }
        dirs.addAll(SOURCES);
        return dirs;
    }

    /** The abbreviation Go prints for this zone at this instant, or null when neither tzdata nor the table knows. */
    String abbreviation(ZoneId zone, Instant instant) {
        if (zone instanceof ZoneOffset) {
            return null;
        }
        Optional<Zone> z = zones.computeIfAbsent(zone.getId(), this::load);
        if (z.isPresent()) {
            return z.get().name(zone, instant);
        }
        Long since = NUMERIC_SINCE.get(zone.getId());
        return since != null && instant.getEpochSecond() >= since
                ? offsetName(zone.getRules().getOffset(instant).getTotalSeconds())
                : null;
    }

    /**
     * zoneinfo.go lookupName: the offset of the zone type named {@code name}, preferring one in force at the wall
     * time {@code wall} (seconds, read as UTC), else the first so named; empty when the zone has no such name.
     */
    java.util.OptionalInt offsetOf(ZoneId zone, String name, long wall) {
        Optional<Zone> z =
                zone instanceof ZoneOffset ? Optional.empty() : zones.computeIfAbsent(zone.getId(), this::load);
        if (z.isPresent()) {
            String[] names = z.get().names();
            int[] offsets = z.get().offsets();
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    Instant at = Instant.ofEpochSecond(wall - offsets[i]);
                    if (name.equals(z.get().name(zone, at))) {
                        return java.util.OptionalInt.of(
                                zone.getRules().getOffset(at).getTotalSeconds());
                    }
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return java.util.OptionalInt.of(offsets[i]);
                }
            }
            return java.util.OptionalInt.empty();
        }
        // No tzdata: only the name the zone has at that time is known.
        Instant at = Instant.ofEpochSecond(wall);
        at = at.minusSeconds(zone.getRules().getOffset(at).getTotalSeconds());
        return name.equals(GoTime.zoneName(zone, at, this))
                ? java.util.OptionalInt.of(zone.getRules().getOffset(at).getTotalSeconds())
                : java.util.OptionalInt.empty();
    }

    /** zic's {@code %z}: sign and hours, then minutes and seconds only when not zero ("+14", "+0545", "-0930"). */
    static String offsetName(int seconds) {
        int s = Math.abs(seconds);
        StringBuilder name = new StringBuilder(seconds < 0 ? "-" : "+").append(two(s / 3600));
        if (s % 3600 != 0) {
            name.append(two(s % 3600 / 60));
            if (s % 60 != 0) {
                name.append(two(s % 60));
            }
        }
        return name.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static Map<String, Long> readNumericTable() {
        Map<String, Long> table = new java.util.HashMap<>();
        try (java.io.InputStream in = GoZoneNames.class.getResourceAsStream(NUMERIC_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(NUMERIC_TABLE + " is missing from the classpath");
            }
            for (String line :
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ", -1);
                table.put(parts[0], parts[1].equals("-") ? Long.MIN_VALUE : Long.parseLong(parts[1]));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }

    private Optional<Zone> load(String id) {
        if (id.contains("..")) {
            return Optional.empty();
        }
        for (String dir : dirs) {
            Path file = Path.of(dir + id);
            try {
                if (Files.isRegularFile(file) && Files.size(file) < 1 << 20) {
                    return Optional.ofNullable(Zone.parse(ByteBuffer.wrap(Files.readAllBytes(file))));
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A parsed TZif file: transitions, the zone types they switch to, and the POSIX TZ string for later times. */
    @SuppressWarnings("ArrayRecordComponent") // parsed once per zone and only read: never compared or hashed
    private record Zone(
            long[] transitions,
            int[] typeIndex,
            int[] offsets,
            boolean[] dst,
            String[] names,
            String extendStd,
            int extendStdOffset,
            String extendDst,
            int extendDstOffset) {

        static Zone parse(ByteBuffer b) {
            if (b.remaining() < 44 || b.get(0) != 'T' || b.get(1) != 'Z' || b.get(2) != 'i' || b.get(3) != 'f') {
                return null;
            }
            int version = b.get(4);
            int[] counts = counts(b, 20);
            int timeSize = 4;
            int start = 44;
            if (version >= '2') {
                // Skip the version 1 block; read the 64-bit one.
                start += counts[3] * 4 + counts[3] + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
                counts = counts(b, start + 20);
                start += 44;
                timeSize = 8;
            }
            int isut = counts[0];
            int isstd = counts[1];
            int leap = counts[2];
            int timecnt = counts[3];
            int typecnt = counts[4];
            int charcnt = counts[5];
            int p = start;
            long[] tx = new long[timecnt];
            for (int i = 0; i < timecnt; i++) {
                tx[i] = timeSize == 8 ? b.getLong(p) : b.getInt(p);
                p += timeSize;
            }
            int[] idx = new int[timecnt];
            for (int i = 0; i < timecnt; i++) {
                idx[i] = b.get(p++) & 0xff;
            }
            int[] off = new int[typecnt];
            boolean[] isDst = new boolean[typecnt];
            int[] abbr = new int[typecnt];
            for (int i = 0; i < typecnt; i++) {
                off[i] = b.getInt(p);
                isDst[i] = b.get(p + 4) != 0;
                abbr[i] = b.get(p + 5) & 0xff;
                p += 6;
            }
            byte[] chars = new byte[charcnt];
            b.get(p, chars);
            p += charcnt + leap * (timeSize + 4) + isstd + isut;
            String[] names = new String[typecnt];
            for (int i = 0; i < typecnt; i++) {
                int end = abbr[i];
                while (end < chars.length && chars[end] != 0) {
                    end++;
                }
                names[i] = new String(chars, abbr[i], end - abbr[i], java.nio.charset.StandardCharsets.US_ASCII);
            }
            String footer = "";
            if (timeSize == 8 && p < b.limit() && b.get(p) == '\n') {
                int end = p + 1;
                while (end < b.limit() && b.get(end) != '\n') {
                    end++;
                }
                byte[] f = new byte[end - p - 1];
                b.get(p + 1, f);
                footer = new String(f, java.nio.charset.StandardCharsets.US_ASCII);
            }
            String[] ext = extend(footer);
            return new Zone(
                    tx,
                    idx,
                    off,
                    isDst,
                    names,
                    ext[0],
                    parseOffset(ext[1]),
                    ext[2],
                    ext[2] == null ? 0 : ext[3] == null ? parseOffset(ext[1]) + 3600 : parseOffset(ext[3]));
        }

        private static int[] counts(ByteBuffer b, int at) {
            int[] c = new int[6];
            for (int i = 0; i < 6; i++) {
                c[i] = b.getInt(at + i * 4);
            }
            return c;
        }

        /** The names and offsets of a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3", "<+14>-14"). */
        private static String[] extend(String tz) {
            String[] out = new String[4];
            int[] pos = {0};
            out[0] = tzName(tz, pos);
            out[1] = tzOffset(tz, pos);
            if (pos[0] < tz.length() && tz.charAt(pos[0]) != ',') {
                out[2] = tzName(tz, pos);
                out[3] = tzOffset(tz, pos);
            }
            return out;
        }

        private static String tzName(String tz, int[] pos) {
            int i = pos[0];
            if (i < tz.length() && tz.charAt(i) == '<') {
                int end = tz.indexOf('>', i);
                if (end < 0) {
                    pos[0] = tz.length();
                    return null;
                }
                pos[0] = end + 1;
                return tz.substring(i + 1, end);
            }
            int j = i;
            while (j < tz.length() && Character.isLetter(tz.charAt(j))) {
                j++;
            }
            pos[0] = j;
            return j > i ? tz.substring(i, j) : null;
        }

        private static String tzOffset(String tz, int[] pos) {
            int i = pos[0];
            int j = i;
            while (j < tz.length() && ("+-:0123456789".indexOf(tz.charAt(j)) >= 0)) {
                j++;
            }
            pos[0] = j;
            return j > i ? tz.substring(i, j) : null;
        }

        /** A POSIX offset is west of Greenwich: "-1" is UTC+1. In seconds east. */
        private static int parseOffset(String s) {
            if (s == null) {
                return 0;
            }
            int sign = s.startsWith("-") ? 1 : -1;
            String[] parts = s.replace("+", "").replace("-", "").split(":", -1);
            int secs = 0;
            int mult = 3600;
            for (String part : parts) {
                if (!part.isEmpty()) {
                    secs += Integer.parseInt(part) * mult;
                }
                mult /= 60;
            }
            return sign * secs;
        }

        /** zoneinfo.go lookup: the zone in force at the instant. */
        String name(ZoneId zone, Instant instant) {
            long sec = instant.getEpochSecond();
            if (transitions.length == 0 || sec < transitions[0]) {
                return names[firstZone()];
            }
            int lo = 0;
            int hi = transitions.length;
            while (hi - lo > 1) {
                int m = (lo + hi) >>> 1;
                if (sec < transitions[m]) {
                    hi = m;
                } else {
                    lo = m;
                }
            }
            if (lo == transitions.length - 1 && extendStd != null) {
                // Past the last transition the TZ string rules; Java's rules tell which of its two offsets applies.
                int offset = zone.getRules().getOffset(instant).getTotalSeconds();
                if (extendDst != null && offset == extendDstOffset && offset != extendStdOffset) {
                    return extendDst;
                }
                return extendStd;
            }
            return names[typeIndex[lo]];
        }

        /** zoneinfo.go lookupFirstZone. */
        private int firstZone() {
            boolean used = false;
            for (int t : typeIndex) {
                used |= t == 0;
            }
            if (!used) {
                return 0;
            }
            if (typeIndex.length > 0 && dst[typeIndex[0]]) {
                for (int zi = typeIndex[0] - 1; zi >= 0; zi--) {
                    if (!dst[zi]) {
                        return zi;
                    }
                }
            }
            for (int zi = 0; zi < dst.length; zi++) {
                if (!dst[zi]) {
                    return zi;
                }
            }
            return 0;
        }
    }
}
