package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.yaml.GoJson;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A Go time.Time: formatting with Go layouts ("2006-01-02T15:04:05Z07:00") and Go's String() form. */
final class GoTime implements GoFmt.GoTyped, GoJson.JsonMarshaler, GoValues.KindAware {
    final ZonedDateTime time;

    GoTime(ZonedDateTime time) {
        this.time = time;
    }

    static GoTime now() {
        return new GoTime(ZonedDateTime.now());
    }

    String format(String layout) {
        // Go's ".999..." prints the fraction without trailing zeros, and nothing at all for whole seconds.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[.,](9+)").matcher(layout);
        StringBuilder l = new StringBuilder();
        java.util.List<String> fractions = new java.util.ArrayList<>();
        while (m.find()) {
            String digits = String.format("%09d", time.getNano()).substring(0, Math.min(9, m.group(1).length()));
            digits = digits.replaceAll("0+$", "");
            fractions.add(digits.isEmpty() ? "" : layout.charAt(m.start()) + digits);
            m.appendReplacement(l, "\u0001");
        }
        m.appendTail(l);
        String out = DateTimeFormatter.ofPattern(javaPattern(l.toString()), Locale.US).format(time);
        for (String f : fractions) {
            out = out.replaceFirst("\u0001", java.util.regex.Matcher.quoteReplacement(f));
        }
        return out;
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
                {"January", "MMMM"}, {"Monday", "EEEE"}, {"2006", "yyyy"}, {"Z07:00", "XXX"}, {"Z0700", "XX"},
                {"-07:00", "xxx"}, {"-0700", "xx"}, {"-07", "x"}, {".000000000", ".SSSSSSSSS"},
                {".000000", ".SSSSSS"}, {".000", ".SSS"}, {"Jan", "MMM"}, {"Mon", "EEE"}, {"MST", "z"}, {"_2", "ppd"}, {"002", "DDD"},
                {"01", "MM"}, {"02", "dd"}, {"06", "yy"}, {"15", "HH"}, {"03", "hh"}, {"04", "mm"}, {"05", "ss"},
                {"PM", "a"}, {"pm", "a"}, {"1", "M"}, {"2", "d"}, {"3", "h"}, {"4", "m"}, {"5", "s"}};
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        outer:
        while (i < layout.length()) {
            for (String[] t : tokens) {
                if (layout.startsWith(t[0], i)) {
                    if (literal.length() > 0) {
                        out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
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
