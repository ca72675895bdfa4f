package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunctionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Go's time layouts as Go's time package reads them (src/time/format.go): {@link #format} is Time.Format and
 * {@link #parse} is time.ParseInLocation, element for element, with Go's error texts. Both walk the layout once,
 * chunk by chunk (nextStdChunk), over the UTF-8 bytes as Go does, so the work is linear in the layout and value and
 * a byte cut inside a character prints as Go prints it ({@code \xc3}).
 */
final class GoTimeLayout {
    private GoTimeLayout() {}

    /** A std chunk kind (Go's stdXxx constants without the flag bits, which only steer Go's lazy computation). */
    private static final int NONE = 0;

    private static final int LONG_MONTH = 1;
    private static final int MONTH = 2;
    private static final int NUM_MONTH = 3;
    private static final int ZERO_MONTH = 4;
    private static final int LONG_WEEKDAY = 5;
    private static final int WEEKDAY = 6;
    private static final int DAY = 7;
    private static final int UNDER_DAY = 8;
    private static final int ZERO_DAY = 9;
    private static final int UNDER_YEAR_DAY = 10;
    private static final int ZERO_YEAR_DAY = 11;
    private static final int HOUR = 12;
    private static final int HOUR12 = 13;
    private static final int ZERO_HOUR12 = 14;
    private static final int MINUTE = 15;
    private static final int ZERO_MINUTE = 16;
    private static final int SECOND = 17;
    private static final int ZERO_SECOND = 18;
    private static final int LONG_YEAR = 19;
    private static final int YEAR = 20;
    private static final int PM = 21;
    private static final int LOWER_PM = 22;
    private static final int TZ = 23;
    private static final int ISO_TZ = 24; // Z0700
    private static final int ISO_SECONDS_TZ = 25; // Z070000
    private static final int ISO_SHORT_TZ = 26; // Z07
    private static final int ISO_COLON_TZ = 27; // Z07:00
    private static final int ISO_COLON_SECONDS_TZ = 28; // Z07:00:00
    private static final int NUM_TZ = 29; // -0700
    private static final int NUM_SECONDS_TZ = 30; // -070000
    private static final int NUM_SHORT_TZ = 31; // -07
    private static final int NUM_COLON_TZ = 32; // -07:00
    private static final int NUM_COLON_SECONDS_TZ = 33; // -07:00:00
    private static final int FRAC0 = 34; // .000 / ,000: trailing zeros kept
    private static final int FRAC9 = 35; // .999 / ,999: trailing zeros dropped

    /** "01" to "06". */
    private static final int[] STD_0X = {ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR};

    private static final String[] LONG_DAY_NAMES = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
    };
    private static final String[] SHORT_DAY_NAMES = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] SHORT_MONTH_NAMES = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final String[] LONG_MONTH_NAMES = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };
    /** Days before each month in a common year, and 365 after December. */
    private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

    /**
     * One layout element: the literal text before it ends at {@code start}, the element is {@code [start, end)}.
     * Fractions carry their digit count (masked to 12 bits as Go packs it) and separator.
     */
    private record Chunk(int start, int std, int end, int digits, byte separator) {}

    private static Chunk chunk(int start, int std, int end) {
        return new Chunk(start, std, end, 0, (byte) '.');
    }

    /** nextStdChunk: the first element of {@code l} at or after {@code from}. */
    private static Chunk nextStdChunk(byte[] l, int from) {
        int n = l.length;
        for (int i = from; i < n; i++) {
            switch (l[i]) {
                case 'J' -> {
                    if (has(l, i, "Jan")) {
                        if (has(l, i, "January")) {
                            return chunk(i, LONG_MONTH, i + 7);
                        }
                        if (!lowerAt(l, i + 3)) {
                            return chunk(i, MONTH, i + 3);
                        }
                    }
                }
                case 'M' -> {
                    if (has(l, i, "Mon")) {
                        if (has(l, i, "Monday")) {
                            return chunk(i, LONG_WEEKDAY, i + 6);
                        }
                        if (!lowerAt(l, i + 3)) {
                            return chunk(i, WEEKDAY, i + 3);
                        }
                    }
                    if (has(l, i, "MST")) {
                        return chunk(i, TZ, i + 3);
                    }
                }
                case '0' -> {
                    if (i + 2 <= n && l[i + 1] >= '1' && l[i + 1] <= '6') {
                        return chunk(i, STD_0X[l[i + 1] - '1'], i + 2);
                    }
                    if (i + 3 <= n && l[i + 1] == '0' && l[i + 2] == '2') {
                        return chunk(i, ZERO_YEAR_DAY, i + 3);
                    }
                }
                case '1' -> {
                    if (i + 2 <= n && l[i + 1] == '5') {
                        return chunk(i, HOUR, i + 2);
                    }
                    return chunk(i, NUM_MONTH, i + 1);
                }
                case '2' -> {
                    if (has(l, i, "2006")) {
                        return chunk(i, LONG_YEAR, i + 4);
                    }
                    return chunk(i, DAY, i + 1);
                }
                case '_' -> {
                    if (i + 2 <= n && l[i + 1] == '2') {
                        // "_2006" is a literal underscore and the year.
                        if (has(l, i + 1, "2006")) {
                            return chunk(i + 1, LONG_YEAR, i + 5);
                        }
                        return chunk(i, UNDER_DAY, i + 2);
                    }
                    if (i + 3 <= n && l[i + 1] == '_' && l[i + 2] == '2') {
                        return chunk(i, UNDER_YEAR_DAY, i + 3);
                    }
                }
                case '3' -> {
                    return chunk(i, HOUR12, i + 1);
                }
                case '4' -> {
                    return chunk(i, MINUTE, i + 1);
                }
                case '5' -> {
                    return chunk(i, SECOND, i + 1);
                }
                case 'P' -> {
                    if (i + 2 <= n && l[i + 1] == 'M') {
                        return chunk(i, PM, i + 2);
                    }
                }
                case 'p' -> {
                    if (i + 2 <= n && l[i + 1] == 'm') {
                        return chunk(i, LOWER_PM, i + 2);
                    }
                }
                case '-' -> {
                    if (has(l, i, "-070000")) {
                        return chunk(i, NUM_SECONDS_TZ, i + 7);
                    }
                    if (has(l, i, "-07:00:00")) {
                        return chunk(i, NUM_COLON_SECONDS_TZ, i + 9);
                    }
                    if (has(l, i, "-0700")) {
                        return chunk(i, NUM_TZ, i + 5);
                    }
                    if (has(l, i, "-07:00")) {
                        return chunk(i, NUM_COLON_TZ, i + 6);
                    }
                    if (has(l, i, "-07")) {
                        return chunk(i, NUM_SHORT_TZ, i + 3);
                    }
                }
                case 'Z' -> {
                    if (has(l, i, "Z070000")) {
                        return chunk(i, ISO_SECONDS_TZ, i + 7);
                    }
                    if (has(l, i, "Z07:00:00")) {
                        return chunk(i, ISO_COLON_SECONDS_TZ, i + 9);
                    }
                    if (has(l, i, "Z0700")) {
                        return chunk(i, ISO_TZ, i + 5);
                    }
                    if (has(l, i, "Z07:00")) {
                        return chunk(i, ISO_COLON_TZ, i + 6);
                    }
                    if (has(l, i, "Z07")) {
                        return chunk(i, ISO_SHORT_TZ, i + 3);
                    }
                }
                case '.', ',' -> {
                    if (i + 1 < n && (l[i + 1] == '0' || l[i + 1] == '9')) {
                        byte ch = l[i + 1];
                        int j = i + 1;
                        while (j < n && l[j] == ch) {
                            j++;
                        }
                        // Only a run of digits that ends here is a fraction ("05.000" yes, ".0001" no).
                        if (!isDigit(l, j)) {
                            return new Chunk(i, ch == '9' ? FRAC9 : FRAC0, j, (j - (i + 1)) & 0xfff, l[i]);
                        }
                    }
                }
                default -> {}
            }
        }
        return chunk(n, NONE, n);
    }

    private static boolean has(byte[] l, int at, String s) {
        if (at + s.length() > l.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (l[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerAt(byte[] l, int at) {
        return at < l.length && l[at] >= 'a' && l[at] <= 'z';
    }

    private static boolean isDigit(byte[] s, int i) {
        return i < s.length && s[i] >= '0' && s[i] <= '9';
    }

    // ---- Format ----

    /** Time.Format; {@code zoneName} gives what MST prints ("" for a zone without a name: the numeric offset). */
    static String format(ZonedDateTime t, Supplier<String> zoneName, String layout) {
        byte[] l = layout.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream(l.length + 10);
        int offset = t.getOffset().getTotalSeconds();
        int p = 0;
        while (p < l.length) {
            Chunk c = nextStdChunk(l, p);
            b.write(l, p, c.start() - p);
            if (c.std() == NONE) {
                break;
            }
            p = c.end();
            switch (c.std()) {
                case YEAR -> appendInt(b, Math.abs(t.getYear()) % 100, 2);
                case LONG_YEAR -> appendInt(b, t.getYear(), 4);
                case MONTH -> ascii(b, SHORT_MONTH_NAMES[t.getMonthValue() - 1]);
                case LONG_MONTH -> ascii(b, LONG_MONTH_NAMES[t.getMonthValue() - 1]);
                case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
                case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
                case WEEKDAY -> ascii(b, SHORT_DAY_NAMES[t.getDayOfWeek().getValue() % 7]);
                case LONG_WEEKDAY -> ascii(b, LONG_DAY_NAMES[t.getDayOfWeek().getValue() % 7]);
                case DAY -> appendInt(b, t.getDayOfMonth(), 0);
                case UNDER_DAY -> {
                    if (t.getDayOfMonth() < 10) {
                        b.write(' ');
                    }
                    appendInt(b, t.getDayOfMonth(), 0);
                }
                case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
                case UNDER_YEAR_DAY -> {
                    int yday = t.getDayOfYear();
                    if (yday < 100) {
                        b.write(' ');
                        if (yday < 10) {
                            b.write(' ');
                        }
                    }
                    appendInt(b, yday, 0);
                }
                case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
                case HOUR -> appendInt(b, t.getHour(), 2);
                case HOUR12 -> appendInt(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 0);
                case ZERO_HOUR12 -> appendInt(b, t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2);
                case MINUTE -> appendInt(b, t.getMinute(), 0);
                case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
                case SECOND -> appendInt(b, t.getSecond(), 0);
                case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
                case PM -> ascii(b, t.getHour() >= 12 ? "PM" : "AM");
                case LOWER_PM -> ascii(b, t.getHour() >= 12 ? "pm" : "am");
                case TZ -> {
                    String name = zoneName.get();
                    if (!name.isEmpty()) {
                        b.writeBytes(name.getBytes(StandardCharsets.UTF_8));
                    } else {
                        // No zone name: Go prints the -0700 form.
                        int zone = offset / 60;
                        b.write(zone < 0 ? '-' : '+');
                        zone = Math.abs(zone);
                        appendInt(b, zone / 60, 2);
                        appendInt(b, zone % 60, 2);
                    }
                }
                case FRAC0, FRAC9 -> appendNano(b, t.getNano(), c);
                default -> appendZone(b, c.std(), offset);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void appendZone(ByteArrayOutputStream b, int std, int offset) {
        boolean iso = std >= ISO_TZ && std <= ISO_COLON_SECONDS_TZ;
        if (offset == 0 && iso) {
            b.write('Z');
            return;
        }
        int zone = offset / 60;
        int absOffset = offset;
        if (zone < 0) {
            b.write('-');
            zone = -zone;
            absOffset = -absOffset;
        } else {
            b.write('+');
        }
        appendInt(b, zone / 60, 2);
        boolean colon = std == ISO_COLON_TZ
                || std == NUM_COLON_TZ
                || std == ISO_COLON_SECONDS_TZ
                || std == NUM_COLON_SECONDS_TZ;
        if (colon) {
            b.write(':');
        }
        if (std != NUM_SHORT_TZ && std != ISO_SHORT_TZ) {
            appendInt(b, zone % 60, 2);
        }
        if (std == ISO_SECONDS_TZ
                || std == NUM_SECONDS_TZ
                || std == NUM_COLON_SECONDS_TZ
                || std == ISO_COLON_SECONDS_TZ) {
            if (std == NUM_COLON_SECONDS_TZ || std == ISO_COLON_SECONDS_TZ) {
                b.write(':');
            }
            appendInt(b, absOffset % 60, 2);
        }
    }

    /** appendNano: the first {@code digits} of the nine fraction digits; FRAC9 drops trailing zeros (and the dot). */
    private static void appendNano(ByteArrayOutputStream b, int nanos, Chunk c) {
        boolean trim = c.std() == FRAC9;
        int n = c.digits();
        if (trim && (n == 0 || nanos == 0)) {
            return;
        }
        byte[] digits = new byte[9];
        for (int i = 8, v = nanos; i >= 0; i--, v /= 10) {
            digits[i] = (byte) ('0' + v % 10);
        }
        int len = Math.min(n, 9);
        if (trim) {
            while (len > 0 && digits[len - 1] == '0') {
                len--;
            }
            if (len == 0) {
                return;
            }
        }
        b.write(c.separator());
        b.write(digits, 0, len);
    }

    private static void ascii(ByteArrayOutputStream b, String s) {
        for (int i = 0; i < s.length(); i++) {
            b.write(s.charAt(i));
        }
    }

    /** appendInt: decimal, a '-' for negatives, zero-padded to {@code width} digits. */
    private static void appendInt(ByteArrayOutputStream b, long x, int width) {
        if (x < 0) {
            b.write('-');
            x = -x;
        }
        String digits = Long.toString(x);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            b.write('0');
        }
        ascii(b, digits);
    }

    // ---- Parse ----

    /** A time.ParseError: {@link #getMessage()} is Go's Error() text. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * time.ParseInLocation(layout, value, local): a zone-less value is in {@code local}, an offset or abbreviation
     * the local zone uses at that time takes the local zone, others a fixed zone as Go fabricates it.
     */
    static GoTime parse(String layout, String value, ZoneId local, GoZoneNames zones)
            throws ParseError, TemplateFunctionException {
        return new Parser(layout.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))
                .parse(local, zones);
    }

    /** One parse's state: Go's local variables of parse(). */
    private static final class Parser {
        private final byte[] layout;
        private final byte[] value;
        private int vp;
        private String rangeErr;
        private boolean bad;
        private int year;
        private int month = -1;
        private int day = -1;
        private int yday = -1;
        private int hour;
        private int min;
        private int sec;
        private int nsec;
        private boolean utc;
        private int zoneOffset = -1;
        private String zoneName = "";

        Parser(byte[] layout, byte[] value) {
            this.layout = layout;
            this.value = value;
        }

        private int left() {
            return value.length - vp;
        }

        GoTime parse(ZoneId local, GoZoneNames zones) throws ParseError, TemplateFunctionException {
            boolean amSet = false;
            boolean pmSet = false;
            int lp = 0;
            while (true) {
                Chunk c = nextStdChunk(layout, lp);
                if (!skip(lp, c.start())) {
                    throw cannotParse(lp, c.start(), vp);
                }
                if (c.std() == NONE) {
                    if (vp != value.length) {
                        throw message(": extra text: " + quote(value, vp, value.length));
                    }
                    break;
                }
                lp = c.end();
                int hold = vp;
                switch (c.std()) {
                    case YEAR -> {
                        if (left() < 2) {
                            bad = true;
                            break;
                        }
                        Long y = atoi(value, vp, vp + 2);
                        vp += 2;
                        if (y == null) {
                            bad = true;
                            break;
                        }
                        year = (int) (y >= 69 ? y + 1900 : y + 2000); // Unix time starts Dec 31 1969 somewhere
                    }
                    case LONG_YEAR -> {
                        if (left() < 4 || !isDigit(value, vp)) {
                            bad = true;
                            break;
                        }
                        Long y = atoi(value, vp, vp + 4);
                        vp += 4;
                        if (y == null) {
                            bad = true;
                        } else {
                            year = y.intValue();
                        }
                    }
                    case MONTH -> month = lookup(SHORT_MONTH_NAMES) + 1;
                    case LONG_MONTH -> month = lookup(LONG_MONTH_NAMES) + 1;
                    case NUM_MONTH, ZERO_MONTH -> {
                        month = getnum(c.std() == ZERO_MONTH);
                        if (!bad && (month <= 0 || month > 12)) {
                            rangeErr = "month";
                        }
                    }
                    case WEEKDAY -> lookup(SHORT_DAY_NAMES); // checked, otherwise ignored
                    case LONG_WEEKDAY -> lookup(LONG_DAY_NAMES);
                    case DAY, UNDER_DAY, ZERO_DAY -> {
                        if (c.std() == UNDER_DAY && left() > 0 && value[vp] == ' ') {
                            vp++;
                        }
                        // Any one- or two-digit day; checked against month and year at the end.
                        day = getnum(c.std() == ZERO_DAY);
                    }
                    case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                        for (int i = 0; i < 2; i++) {
                            if (c.std() == UNDER_YEAR_DAY && left() > 0 && value[vp] == ' ') {
                                vp++;
                            }
                        }
                        yday = getnum3(c.std() == ZERO_YEAR_DAY);
                    }
                    case HOUR -> {
                        hour = getnum(false);
                        if (hour >= 24) {
                            rangeErr = "hour";
                        }
                    }
                    case HOUR12, ZERO_HOUR12 -> {
                        hour = getnum(c.std() == ZERO_HOUR12);
                        if (hour > 12) {
                            rangeErr = "hour";
                        }
                    }
                    case MINUTE, ZERO_MINUTE -> {
                        min = getnum(c.std() == ZERO_MINUTE);
                        if (min >= 60) {
                            rangeErr = "minute";
                        }
                    }
                    case SECOND, ZERO_SECOND -> second(c, lp);
                    case PM, LOWER_PM -> {
                        if (left() < 2) {
                            bad = true;
                            break;
                        }
                        boolean upper = c.std() == PM;
                        byte a = value[vp];
                        byte m = value[vp + 1];
                        vp += 2;
                        if (m == (upper ? 'M' : 'm') && a == (upper ? 'P' : 'p')) {
                            pmSet = true;
                        } else if (m == (upper ? 'M' : 'm') && a == (upper ? 'A' : 'a')) {
                            amSet = true;
                        } else {
                            bad = true;
                        }
                    }
                    case TZ -> zoneAbbreviation();
                    case FRAC0 -> {
                        // Exactly the layout's number of digits.
                        int ndigit = 1 + c.digits();
                        if (left() < ndigit) {
                            bad = true;
                            break;
                        }
                        parseNanoseconds(vp, ndigit);
                        vp += ndigit;
                    }
                    case FRAC9 -> {
                        if (left() < 2 || !commaOrPeriod(value[vp]) || !isDigit(value, vp + 1)) {
                            break; // fraction omitted
                        }
                        // Any number of digits, as the seconds element would take.
                        int i = 0;
                        while (isDigit(value, vp + i + 1)) {
                            i++;
                        }
                        parseNanoseconds(vp, 1 + i);
                        vp += 1 + i;
                    }
                    default -> numericZone(c.std());
                }
                if (rangeErr != null) {
                    throw message(": " + rangeErr + " out of range");
                }
                if (bad) {
                    throw cannotParse(c.start(), c.end(), hold);
                }
            }
            if (pmSet && hour < 12) {
                hour += 12;
            } else if (amSet && hour == 12) {
                hour = 0;
            }
            resolveDay();
            return toTime(local, zones);
        }

        private void second(Chunk c, int lp) {
            sec = getnum(c.std() == ZERO_SECOND);
            if (bad) {
                return;
            }
            if (sec >= 60) {
                rangeErr = "second";
                return;
            }
            // A fraction in the value where the layout has none right after the seconds.
            if (left() >= 2 && commaOrPeriod(value[vp]) && isDigit(value, vp + 1)) {
                int next = nextStdChunk(layout, lp).std();
                if (next == FRAC0 || next == FRAC9) {
                    return;
                }
                int n = 2;
                while (isDigit(value, vp + n)) {
                    n++;
                }
                parseNanoseconds(vp, n);
                vp += n;
            }
        }

        /** The Z07:00 and -07:00 families: fixed widths, "Z" for UTC only in the Z forms. */
        private void numericZone(int std) {
            boolean iso = std >= ISO_TZ && std <= ISO_COLON_SECONDS_TZ;
            if (iso && left() >= 1 && value[vp] == 'Z') {
                vp++;
                utc = true;
                return;
            }
            int h;
            int m = -1;
            int s = -1;
            int sign = vp;
            if (std == ISO_COLON_TZ || std == NUM_COLON_TZ) {
                if (left() < 6 || value[vp + 3] != ':') {
                    bad = true;
                    return;
                }
                h = vp + 1;
                m = vp + 4;
                vp += 6;
            } else if (std == NUM_SHORT_TZ || std == ISO_SHORT_TZ) {
                if (left() < 3) {
                    bad = true;
                    return;
                }
                h = vp + 1;
                vp += 3;
            } else if (std == ISO_COLON_SECONDS_TZ || std == NUM_COLON_SECONDS_TZ) {
                if (left() < 9 || value[vp + 3] != ':' || value[vp + 6] != ':') {
                    bad = true;
                    return;
                }
                h = vp + 1;
                m = vp + 4;
                s = vp + 7;
                vp += 9;
            } else if (std == ISO_SECONDS_TZ || std == NUM_SECONDS_TZ) {
                if (left() < 7) {
                    bad = true;
                    return;
                }
                h = vp + 1;
                m = vp + 3;
                s = vp + 5;
                vp += 7;
            } else {
                if (left() < 5) {
                    bad = true;
                    return;
                }
                h = vp + 1;
                m = vp + 3;
                vp += 5;
            }
            int hr = two(h);
            int mm = 0;
            int ss = 0;
            if (hr < 0) {
                bad = true;
                hr = 0;
            } else if (m >= 0 && (mm = two(m)) < 0) {
                bad = true;
                mm = 0;
            } else if (s >= 0 && (ss = two(s)) < 0) {
                bad = true;
                ss = 0;
            }
            // Greater than, not at least: offsets of 24 hours or 60 minutes are written.
            if (hr > 24) {
                rangeErr = "time zone offset hour";
            }
            if (mm > 60) {
                rangeErr = "time zone offset minute";
            }
            if (ss > 60) {
                rangeErr = "time zone offset second";
            }
            zoneOffset = (hr * 60 + mm) * 60 + ss;
            if (value[sign] == '-') {
                zoneOffset = -zoneOffset;
            } else if (value[sign] != '+') {
                bad = true;
            }
        }

        /** Two digits at {@code at} (getnum with fixed width), or -1. */
        private int two(int at) {
            if (!isDigit(value, at) || !isDigit(value, at + 1)) {
                return -1;
            }
            return (value[at] - '0') * 10 + (value[at + 1] - '0');
        }

        /** The MST element: "UTC", or what parseTimeZone takes for a zone name. */
        private void zoneAbbreviation() {
            if (left() >= 3 && value[vp] == 'U' && value[vp + 1] == 'T' && value[vp + 2] == 'C') {
                utc = true;
                vp += 3;
                return;
            }
            int n = parseTimeZone(value, vp);
            if (n <= 0) {
                bad = true;
                return;
            }
            zoneName = new String(value, vp, n, StandardCharsets.UTF_8);
            vp += n;
        }

        /** lookup: the first name that starts the value, ignoring ASCII case; its index, or -1 (bad). */
        private int lookup(String[] names) {
            for (int i = 0; i < names.length; i++) {
                String v = names[i];
                if (left() >= v.length() && matchIgnoringCase(v)) {
                    vp += v.length();
                    return i;
                }
            }
            bad = true;
            return -1;
        }

        private boolean matchIgnoringCase(String v) {
            for (int i = 0; i < v.length(); i++) {
                int c1 = value[vp + i] & 0xff;
                int c2 = v.charAt(i);
                if (c1 != c2) {
                    c1 |= 'a' - 'A';
                    c2 |= 'a' - 'A';
                    if (c1 != c2 || c1 < 'a' || c1 > 'z') {
                        return false;
                    }
                }
            }
            return true;
        }

        /** getnum: one or two digits (two when fixed); 0 and bad when there is none. */
        private int getnum(boolean fixed) {
            if (!isDigit(value, vp)) {
                bad = true;
                return 0;
            }
            if (!isDigit(value, vp + 1)) {
                if (fixed) {
                    bad = true;
                    return 0;
                }
                return value[vp++] - '0';
            }
            int n = (value[vp] - '0') * 10 + (value[vp + 1] - '0');
            vp += 2;
            return n;
        }

        /** getnum3: one to three digits (three when fixed). */
        private int getnum3(boolean fixed) {
            int n = 0;
            int i = 0;
            while (i < 3 && isDigit(value, vp + i)) {
                n = n * 10 + (value[vp + i] - '0');
                i++;
            }
            if (i == 0 || (fixed && i != 3)) {
                bad = true;
                return 0;
            }
            vp += i;
            return n;
        }

        /** parseNanoseconds: a separator and the digits of {@code [at+1, at+nbytes)}, past the ninth dropped. */
        private void parseNanoseconds(int at, int nbytes) {
            if (!commaOrPeriod(value[at])) {
                bad = true;
                return;
            }
            if (nbytes > 10) {
                nbytes = 10;
            }
            Long ns = atoi(value, at + 1, at + nbytes);
            if (ns == null) {
                bad = true;
                return;
            }
            if (ns < 0) {
                rangeErr = "fractional second";
                return;
            }
            long v = ns;
            for (int i = 0; i < 10 - nbytes; i++) {
                v *= 10;
            }
            nsec = (int) v;
        }

        /**
         * skip: the layout's literal text {@code [from, to)} must start the value, a run of spaces matching any run
         * (but not none where the value has other text). On failure {@link #vp} is where the match stopped.
         */
        private boolean skip(int from, int to) {
            int p = from;
            while (p < to) {
                if (layout[p] == ' ') {
                    if (vp < value.length && value[vp] != ' ') {
                        return false;
                    }
                    while (p < to && layout[p] == ' ') {
                        p++;
                    }
                    while (vp < value.length && value[vp] == ' ') {
                        vp++;
                    }
                    continue;
                }
                if (vp >= value.length || value[vp] != layout[p]) {
                    return false;
                }
                p++;
                vp++;
            }
            return true;
        }

        /** Day of year to month and day, and the day checked against the month. */
        private void resolveDay() throws ParseError {
            if (yday >= 0) {
                int d = 0;
                int m = 0;
                if (java.time.Year.isLeap(year)) {
                    if (yday == 31 + 29) {
                        m = 2;
                        d = 29;
                    } else if (yday > 31 + 29) {
                        yday--;
                    }
                }
                if (yday < 1 || yday > 365) {
                    throw message(": day-of-year out of range");
                }
                if (m == 0) {
                    m = (yday - 1) / 31 + 1;
                    if (DAYS_BEFORE[m] < yday) {
                        m++;
                    }
                    d = yday - DAYS_BEFORE[m - 1];
                }
                if (month >= 0 && month != m) {
                    throw message(": day-of-year does not match month");
                }
                month = m;
                if (day >= 0 && day != d) {
                    throw message(": day-of-year does not match day");
                }
                day = d;
            } else {
                if (month < 0) {
                    month = 1;
                }
                if (day < 0) {
                    day = 1;
                }
            }
            if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                throw message(": day out of range");
            }
        }

        private GoTime toTime(ZoneId local, GoZoneNames zones) throws TemplateFunctionException {
            long wall = LocalDateTime.of(year, month, day, hour, min, sec).toEpochSecond(ZoneOffset.UTC);
            if (utc) {
                return new GoTime(Instant.ofEpochSecond(wall, nsec).atZone(ZoneOffset.UTC), zones);
            }
            if (zoneOffset != -1) {
                Instant at = Instant.ofEpochSecond(wall - zoneOffset, nsec);
                // The local zone when it had this offset (and this name, if one was given) then.
                if (local.getRules().getOffset(at).getTotalSeconds() == zoneOffset
                        && (zoneName.isEmpty() || zoneName.equals(GoTime.zoneName(local, at, zones)))) {
                    return new GoTime(at.atZone(local), zones);
                }
                return fixed(at, zoneName, zoneOffset, zones);
            }
            if (!zoneName.isEmpty()) {
                OptionalInt offset = zones == null ? OptionalInt.empty() : zones.offsetOf(local, zoneName, wall);
                if (offset.isPresent()) {
                    return new GoTime(
                            Instant.ofEpochSecond(wall - offset.getAsInt(), nsec)
                                    .atZone(local),
                            zones);
                }
                // An unknown name keeps the wall time as UTC under that name, with GMT+h's hours as its offset.
                int fabricated = 0;
                if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                    byte[] h = zoneName.getBytes(StandardCharsets.UTF_8);
                    Long hours = atoi(h, 3, h.length);
                    fabricated = hours == null ? 0 : (int) (hours * 3600);
                }
                return fixed(Instant.ofEpochSecond(wall, nsec), zoneName, fabricated, zones);
            }
            // time.Date in the local zone: the offset in force at the wall time read as UTC, corrected once.
            var rules = local.getRules();
            long unix = wall;
            int guess = rules.getOffset(Instant.ofEpochSecond(unix)).getTotalSeconds();
            if (guess != 0) {
                unix -= rules.getOffset(Instant.ofEpochSecond(unix - guess)).getTotalSeconds();
            }
            return new GoTime(Instant.ofEpochSecond(unix, nsec).atZone(local), zones);
        }

        private static GoTime fixed(Instant at, String name, int offset, GoZoneNames zones)
                throws TemplateFunctionException {
            if (Math.abs(offset) > 18 * 3600) {
                // Go accepts offsets up to 24:60:60; java.time's ZoneOffset stops at 18 hours.
                throw new TemplateFunctionException(
                        "time zone offset beyond 18 hours (" + offset + "s) is not supported by runway-render");
            }
            return new GoTime(at.atZone(ZoneOffset.ofTotalSeconds(offset)), zones, name);
        }

        private ParseError message(String message) {
            return new ParseError("parsing time " + quote(value, 0, value.length) + message);
        }

        private ParseError cannotParse(int layoutFrom, int layoutTo, int valueFrom) {
            return new ParseError("parsing time " + quote(value, 0, value.length) + " as "
                    + quote(layout, 0, layout.length) + ": cannot parse "
                    + quote(value, valueFrom, value.length) + " as " + quote(layout, layoutFrom, layoutTo));
        }
    }

    private static boolean commaOrPeriod(byte b) {
        return b == '.' || b == ',';
    }

    /**
     * parseTimeZone: the length of a zone name at {@code at}, or 0. Three upper-case letters, four or five ending in
     * T (or WITA), ChST and MeST, GMT with an optional signed hour, or a bare signed hour ("+03").
     */
    private static int parseTimeZone(byte[] v, int at) {
        int left = v.length - at;
        if (left < 3) {
            return 0;
        }
        if (has(v, at, "ChST") || has(v, at, "MeST")) {
            return 4;
        }
        if (has(v, at, "GMT")) {
            return left == 3 ? 3 : 3 + parseSignedOffset(v, at + 3);
        }
        if (v[at] == '+' || v[at] == '-') {
            return parseSignedOffset(v, at);
        }
        int upper = 0;
        while (upper < 6 && upper < left && v[at + upper] >= 'A' && v[at + upper] <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> v[at + 3] == 'T' || has(v, at, "WITA") ? 4 : 0;
            case 5 -> v[at + 4] == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    /** parseSignedOffset: a sign and an hour of at most 23; its length, or 0. */
    private static int parseSignedOffset(byte[] v, int at) {
        if (v[at] != '-' && v[at] != '+') {
            return 0;
        }
        long x = 0;
        int i = at + 1;
        while (i < v.length && v[i] >= '0' && v[i] <= '9') {
            if (x > Long.MAX_VALUE / 10) {
                return 0; // leadingInt's overflow
            }
            x = x * 10 + (v[i] - '0');
            i++;
        }
        if (i == at + 1 || x > 23) {
            return 0;
        }
        return i - at;
    }

    /** atoi: an optional sign and only digits in {@code [from, to)} ("" is 0), or null. */
    private static Long atoi(byte[] s, int from, int to) {
        boolean neg = false;
        if (from < to && (s[from] == '-' || s[from] == '+')) {
            neg = s[from] == '-';
            from++;
        }
        long x = 0;
        for (int i = from; i < to; i++) {
            if (s[i] < '0' || s[i] > '9' || x > Long.MAX_VALUE / 10) {
                return null;
            }
            x = x * 10 + (s[i] - '0');
        }
        return neg ? -x : x;
    }

    /** Go's time-package quote: bytes outside printable ASCII as \xNN, quotes and backslashes escaped. */
    static String quote(byte[] s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from + 2).append('"');
        for (int i = from; i < to; i++) {
            int c = s[i] & 0xff;
            if (c >= 0x80 || c < ' ') {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append((char) c);
            }
        }
        return b.append('"').toString();
    }
}
