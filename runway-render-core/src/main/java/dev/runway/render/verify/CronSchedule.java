package dev.runway.render.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cron parser the API server checks a CronJob schedule with: github.com/robfig/cron/v3 {@code ParseStandard}
 * (called by validateScheduleFormat in pkg/apis/batch/validation): five fields (minute, hour, day of month, month,
 * day of week) with {@code *}, {@code ?}, lists, ranges, steps and month/day names, or a descriptor ({@code @hourly},
 * {@code @every 1h30m}, ...). Error texts are robfig/cron's.
 */
final class CronSchedule {

    private record Bounds(int min, int max, Map<String, Integer> names) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS =
            Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);
    private static final List<Bounds> FIELDS = List.of(
            new Bounds(0, 59, Map.of()),
            new Bounds(0, 23, Map.of()),
            new Bounds(1, 31, Map.of()),
            new Bounds(1, 12, MONTHS),
            new Bounds(0, 6, DAYS));
    private static final List<String> DESCRIPTORS =
            List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    private CronSchedule() {}

    /** The parser's error for a schedule it refuses, or empty when it parses. */
    static Optional<String> problem(String spec) {
        if (spec.isEmpty()) {
            return Optional.of("empty spec string");
        }
        if (spec.startsWith("@")) {
            if (DESCRIPTORS.contains(spec)) {
                return Optional.empty();
            }
            if (spec.startsWith("@every ")) {
                String duration = spec.substring("@every ".length());
                return isEveryDuration(duration)
                        ? Optional.empty()
                        : Optional.of(
                                "failed to parse duration " + spec + ": time: invalid duration \"" + duration + "\"");
            }
            return Optional.of("unrecognized descriptor: " + spec);
        }
        String[] fields = spec.trim().split("\\s+");
        if (fields.length != 5) {
            return Optional.of(
                    "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]");
        }
        for (int i = 0; i < 5; i++) {
            for (String expr : fields[i].split(",", -1)) {
                Optional<String> problem = range(expr, FIELDS.get(i));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the text is {@code ([0-9]*\\.?[0-9]+(ns|us|µs|ms|s|m|h))+} (robfig/cron's check of an {@code @every}
     * duration before time.ParseDuration), read by hand: Java's expression backtracks over a long run of digits
     * without a unit (quadratic) and recurses once per part (a StackOverflowError on "1s" repeated).
     */
    static boolean isEveryDuration(String d) {
        int i = 0;
        int n = d.length();
        if (n == 0) {
            return false;
        }
        while (i < n) {
            int start = i;
            i = digits(d, i);
            if (i < n && d.charAt(i) == '.') {
                int fraction = i + 1;
                i = digits(d, fraction);
                if (i == fraction) {
                    return false;
                }
            } else if (i == start) {
                return false;
            }
            // A unit's first letter alone is no unit (a part starts with a digit or a dot): "ms" is never "m" "s".
            if (d.startsWith("ns", i) || d.startsWith("us", i) || d.startsWith("µs", i) || d.startsWith("ms", i)) {
                i += 2;
            } else if (i < n && "smh".indexOf(d.charAt(i)) >= 0) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static Optional<String> range(String expr, Bounds b) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        try {
            if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
                start = b.min();
                end = b.max();
            } else {
                start = intOrName(lowAndHigh[0], b.names());
                if (lowAndHigh.length == 1) {
                    end = start;
                } else if (lowAndHigh.length == 2) {
                    end = intOrName(lowAndHigh[1], b.names());
                } else {
                    return Optional.of("too many hyphens: " + expr);
                }
            }
            long step;
            if (rangeAndStep.length == 1) {
                step = 1;
            } else if (rangeAndStep.length == 2) {
                step = integer(rangeAndStep[1]);
                if (single) {
                    end = b.max();
                }
            } else {
                return Optional.of("too many slashes: " + expr);
            }
            if (start < b.min()) {
                return Optional.of("beginning of range (" + start + ") below minimum (" + b.min() + "): " + expr);
            }
            if (end > b.max()) {
                return Optional.of("end of range (" + end + ") above maximum (" + b.max() + "): " + expr);
            }
            if (start > end) {
                return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
            }
            if (step == 0) {
                return Optional.of("step of range should be a positive number: " + expr);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static long intOrName(String text, Map<String, Integer> names) {
        Integer named = names.get(text.toLowerCase(java.util.Locale.ROOT));
        return named != null ? named : integer(text);
    }

    /** robfig/cron mustParseInt: strconv.Atoi, then no negative numbers. */
    private static long integer(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw new IllegalArgumentException(
                    "failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
        long v;
        try {
            v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text
                    + "\": value out of range");
        }
        if (v < 0) {
            throw new IllegalArgumentException("negative number (" + v + ") not allowed: " + text);
        }
        return v;
    }
}
