package dev.runway.render.values;

import dev.runway.render.gofmt.GoStrconv;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Why a string fails a {@code format}, in santhosh-tekuri/jsonschema v6's words (format.go; kind.Format prints
 * "&lt;value&gt; is not valid &lt;format&gt;: &lt;reason&gt;"). networknt decides that a format fails but gives no
 * reason, so the reason is found here by walking the value the way format.go's check for that format walks it.
 * Reasons that come from Go's standard library (net/netip for ipv6, time.Parse for a malformed date, net/url) are
 * only given where their text is fixed; otherwise {@link #of} returns null and the line ends after the format name.
 */
final class FormatReasons {
    private FormatReasons() {}

    /** santhosh's reason why {@code value} is not a valid {@code format}, or null when not known here. */
    static String of(String format, String value) {
        return switch (format) {
            case "ipv4" -> ipv4(value);
            case "uuid" -> uuid(value);
            case "duration" -> duration(value);
            case "hostname" -> hostname(value);
            case "email" -> email(value);
            case "date" -> date(value);
            case "time" -> time(value);
            case "date-time" -> dateTime(value);
            default -> null;
        };
    }

    /** validateIPV4: four dot-separated decimals, no leading zeros, each strconv.Atoi'd and 0 to 255. */
    private static String ipv4(String s) {
        String[] groups = s.split("\\.", -1);
        if (groups.length != 4) {
            return "expected four decimals";
        }
        for (String group : groups) {
            if (group.length() > 1 && group.charAt(0) == '0') {
                return "leading zeros";
            }
            // strconv.Atoi's own error is the reason when a group is not a decimal.
            Long n = GoStrconv.parseInt(group, 10);
            if (n == null) {
                return "strconv.Atoi: parsing " + GoStrconv.quote(group) + ": "
                        + (group.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax");
            }
            if (n < 0 || n > 255) {
                return "decimal must be between 0 and 255";
            }
        }
        return null;
    }

    /** validateUUID: five hex groups of 8, 4, 4, 4 and 12 characters. */
    private static String uuid(String s) {
        int[] widths = {8, 4, 4, 4, 12};
        String[] groups = s.split("-", -1);
        if (groups.length != widths.length) {
            return "must have 5 elements";
        }
        for (int i = 0; i < groups.length; i++) {
            if (utf8Length(groups[i]) != widths[i]) {
                return "element " + (i + 1) + " must be " + widths[i] + " characters long";
            }
            for (int ch : groups[i].codePoints().toArray()) {
                if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
                    return "non-hex character " + GoStrconv.quoteRune(ch);
                }
            }
        }
        return null;
    }

    /** validateDuration (RFC 3339 appendix A): P, then weeks alone, or Y M D then T and H M S, in order. */
    private static String duration(String s) {
        if (!s.startsWith("P")) {
            return "must start with P";
        }
        s = s.substring(1);
        if (s.isEmpty()) {
            return "nothing after P";
        }
        if (s.endsWith("W")) {
            String weeks = s.substring(0, s.length() - 1);
            if (weeks.isEmpty()) {
                return "no number in week";
            }
            return weeks.chars().allMatch(c -> c >= '0' && c <= '9') ? null : "invalid week";
        }
        List<String> allUnits = List.of("YMD", "HMS");
        String[] parts = s.split("T", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i != 0 && part.isEmpty()) {
                return "no time elements";
            }
            if (i >= allUnits.size()) {
                return "more than one T";
            }
            String units = allUnits.get(i);
            while (!part.isEmpty()) {
                int digits = 0;
                while (digits < part.length() && part.charAt(digits) >= '0' && part.charAt(digits) <= '9') {
                    digits++;
                }
                if (digits == 0) {
                    return "missing number";
                }
                part = part.substring(digits);
                if (part.isEmpty()) {
                    return "missing unit";
                }
                char unit = part.charAt(0);
                int j = units.indexOf(unit);
                if (j < 0) {
                    // Go's %q of the unit byte; a byte above 0x7f would print as its Latin-1 rune.
                    String quoted = GoStrconv.quoteRune(part.getBytes(StandardCharsets.UTF_8)[0] & 0xff);
                    return allUnits.get(i).indexOf(unit) >= 0
                            ? "unit " + quoted + " out of order"
                            : "invalid unit " + quoted;
                }
                units = units.substring(j + 1);
                part = part.substring(1);
            }
        }
        return null;
    }

    /** validateHostname: at most 253 bytes without a trailing dot, labels of 1 to 63 letters, digits and hyphens. */
    private static String hostname(String s) {
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (utf8Length(s) > 253) {
            return "more than 253 characters long";
        }
        for (String label : s.split("\\.", -1)) {
            int length = utf8Length(label);
            if (length < 1 || length > 63) {
                return "label must be 1 to 63 characters long";
            }
            if (label.startsWith("-")) {
                return "label starts with hyphen";
            }
            if (label.endsWith("-")) {
                return "label ends with hyphen";
            }
            for (int ch : label.codePoints().toArray()) {
                if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-'))) {
                    return "invalid character " + GoStrconv.quoteRune(ch);
                }
            }
        }
        return null;
    }

    /** validateEmail: local part and domain around the last @ (quoted local parts, bracketed IP domains). */
    private static String email(String s) {
        if (utf8Length(s) > 254) {
            return "more than 255 characters long"; // santhosh's words, though its limit is 254
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return "missing @";
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (utf8Length(local) > 64) {
            return "local part more than 64 characters long";
        }
        if (local.length() > 1 && local.startsWith("\"")) {
            // format.go tests the prefix twice, so any local part starting with a quote counts as quoted.
            String inner = local.substring(1, local.length() - 1);
            if (inner.indexOf('\\') >= 0 || inner.indexOf('"') >= 0) {
                return "backslash and quote are not allowed within quoted local part";
            }
        } else {
            if (local.startsWith(".")) {
                return "starts with dot";
            }
            if (local.endsWith(".")) {
                return "ends with dot";
            }
            if (local.contains("..")) {
                return "consecutive dots";
            }
            for (int ch : local.codePoints().toArray()) {
                boolean allowed =
                        ch < 128 && (Character.isLetterOrDigit(ch) || ".!#$%&'*+-/=?^_`{|}~".indexOf(ch) >= 0);
                if (!allowed) {
                    return "invalid character " + GoStrconv.quoteRune(ch);
                }
            }
        }
        if (domain.startsWith("[") && domain.endsWith("]") && domain.length() >= 2) {
            String inside = domain.substring(1, domain.length() - 1);
            if (inside.startsWith("IPv6:")) {
                return null; // net/netip's reasons are not reproduced
            }
            String reason = ipv4(inside);
            return reason == null ? null : "invalid ipv4 address: " + reason;
        }
        String reason = hostname(domain);
        return reason == null ? null : "invalid domain: " + reason;
    }

    /**
     * validateDate is Go's time.Parse("2006-01-02"); for a value of that shape its errors are the ranges of month
     * and day ("parsing time \"2024-02-30\": day out of range"). Other shapes give layout errors not reproduced.
     */
    private static String date(String s) {
        if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        int year = Integer.parseInt(s.substring(0, 4));
        int month = Integer.parseInt(s.substring(5, 7));
        int day = Integer.parseInt(s.substring(8, 10));
        if (month < 1 || month > 12) {
            return "parsing time " + GoStrconv.quote(s) + ": month out of range";
        }
        if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return "parsing time " + GoStrconv.quote(s) + ": day out of range";
        }
        return null;
    }

    /** validateTime (RFC 3339 full-time): hh:mm:ss, optional fraction, Z or ±hh:mm; a leap second only at 23:59 UTC. */
    private static String time(String str) {
        if (utf8Length(str) < 9) {
            return "less than 9 characters long";
        }
        if (!ascii(str)) {
            return null; // format.go indexes bytes; such a value fails on a byte this walk does not see alike
        }
        if (str.charAt(2) != ':' || str.charAt(5) != ':') {
            return "missing colon in correct place";
        }
        int[] hms = new int[3];
        String[] tokens = str.substring(0, 8).split(":", 3);
        for (int i = 0; i < 3; i++) {
            Long n = GoStrconv.parseInt(tokens[i], 10);
            if (n == null) {
                return "invalid hour/min/sec";
            }
            if (n < 0) {
                return "non-positive hour/min/sec";
            }
            hms[i] = n.intValue();
        }
        int h = hms[0];
        int m = hms[1];
        int sec = hms[2];
        if (h > 23 || m > 59 || sec > 60) {
            return "hour/min/sec out of range";
        }
        String rest = str.substring(8);
        if (rest.startsWith(".")) {
            rest = rest.substring(1);
            int digits = 0;
            while (digits < rest.length() && rest.charAt(digits) >= '0' && rest.charAt(digits) <= '9') {
                digits++;
            }
            if (digits == 0) {
                return "no digits in second fraction";
            }
            rest = rest.substring(digits);
        }
        if (!rest.equals("z") && !rest.equals("Z")) {
            if (rest.length() != 6) {
                return "offset must be 6 characters long";
            }
            int sign;
            if (rest.charAt(0) == '+') {
                sign = -1;
            } else if (rest.charAt(0) == '-') {
                sign = 1;
            } else {
                return "offset must begin with plus/minus";
            }
            rest = rest.substring(1);
            if (rest.charAt(2) != ':') {
                return "missing colon in offset in correct place";
            }
            String[] zone = rest.split(":", 2);
            int[] zhm = new int[2];
            for (int i = 0; i < 2; i++) {
                Long n = GoStrconv.parseInt(zone[i], 10);
                if (n == null) {
                    return "invalid hour/min in offset";
                }
                if (n < 0) {
                    return "non-positive hour/min in offset";
                }
                zhm[i] = n.intValue();
            }
            if (zhm[0] > 23 || zhm[1] > 59) {
                return "hour/min in offset out of range";
            }
            int minutes = h * 60 + m + sign * (zhm[0] * 60 + zhm[1]);
            if (minutes < 0) {
                minutes += 24 * 60;
            }
            h = minutes / 60;
            m = minutes % 60;
        }
        if (sec >= 60 && (h != 23 || m != 59)) {
            return "invalid leap second";
        }
        return null;
    }

    /** validateDateTime: at least 20 characters, T or t at the 11th, then the date and time checks. */
    private static String dateTime(String s) {
        if (utf8Length(s) < 20) {
            return "less than 20 characters long";
        }
        if (!ascii(s)) {
            return null; // see time
        }
        if (s.charAt(10) != 't' && s.charAt(10) != 'T') {
            return "11th character must be t or T";
        }
        String date = s.substring(0, 10);
        if (!date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null; // time.Parse's layout errors are not reproduced
        }
        String reason = date(date);
        if (reason != null) {
            return "invalid date element: " + reason;
        }
        reason = time(s.substring(11));
        return reason == null ? null : "invalid time element: " + reason;
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
