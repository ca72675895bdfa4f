package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Paths, URLs, random values, UUIDs and dates. Random and time-based results cannot be byte-compared. */
final class MiscFunctions {

    private MiscFunctions() {}

    /** This theme's function {@code name}, created for a function map's first lookup of the name, or null. */
    static TemplateFunction lookup(String name, Registry r) {
        return switch (name) {
            case "hello" ->
                (c, a) -> {
                    Args.count("hello", a, 0);
                    return "Hello!";
                };
            case "uuidv4" ->
                (c, a) -> {
                    Args.count("uuidv4", a, 0);
                    return UUID.randomUUID().toString();
                };
            case "randAlpha" ->
                (c, a) -> random("randAlpha", a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
            case "randNumeric" -> (c, a) -> random("randNumeric", a, "0123456789");
            case "randAscii" ->
                (c, a) -> {
                    StringBuilder ascii = new StringBuilder();
                    for (char ch = 32; ch < 127; ch++) {
                        ascii.append(ch);
                    }
                    return random("randAscii", a, ascii.toString());
                };
            case "randBytes" ->
                (c, a) -> {
                    Args.count("randBytes", a, 1);
                    int n = Args.integer(a, 0);
                    if (n / 3 * 4 > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) { // its base64 text
                        throw dev.runway.render.gofmt.ValueLimits.tooLong("randBytes's result of " + n + " bytes");
                    }
                    byte[] b = new byte[Math.max(n, 0)];
                    SharedRandom.get().nextBytes(b);
                    return Base64.getEncoder().encodeToString(b);
                };
            case "shuffle" ->
                (c, a) -> {
                    Args.count("shuffle", a, 1);
                    List<Integer> cps = new ArrayList<>();
                    Args.string(a, 0).codePoints().forEach(cps::add);
                    java.util.Collections.shuffle(cps, SharedRandom.get());
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                };
            case "now" -> {
                GoZoneNames zones = r.zones();
                yield (c, a) -> {
                    Args.count("now", a, 0);
                    return GoTime.now(zones);
                };
            }
            case "date" -> {
                GoZoneNames zones = r.zones();
                yield (c, a) -> {
                    Args.count("date", a, 2);
                    return dateInZone(
                            zones,
                            Args.string(a, 0),
                            a.get(1),
                            ZoneId.systemDefault().getId());
                };
            }
            case "htmlDate" -> {
                GoZoneNames zones = r.zones();
                yield (c, a) -> {
                    Args.count("htmlDate", a, 1);
                    return dateInZone(
                            zones,
                            "2006-01-02",
                            a.get(0),
                            ZoneId.systemDefault().getId());
                };
            }
            case "htmlDateInZone" -> {
                GoZoneNames zones = r.zones();
                yield (c, a) -> {
                    Args.count("htmlDateInZone", a, 2);
                    return dateInZone(zones, "2006-01-02", a.get(0), Args.string(a, 1));
                };
            }
            case "unixEpoch" ->
                (c, a) -> {
                    Args.count("unixEpoch", a, 1);
                    if (!(a.get(0) instanceof GoTime t)) {
                        throw Args.wrongType("time.Time", a.get(0));
                    }
                    return Long.toString(t.time.toEpochSecond());
                };
            case "duration" ->
                (c, a) -> {
                    Args.count("duration", a, 1);
                    Object v = a.get(0);
                    long n = 0;
                    if (v instanceof String str) {
                        Long parsed = dev.runway.render.gofmt.GoStrconv.parseInt(str, 10);
                        n = parsed == null ? 0 : parsed;
                    } else if (v instanceof Long l) {
                        n = l;
                    }
                    return GoDuration.format(n * 1_000_000_000L);
                };
            case "durationRound" ->
                (c, a) -> {
                    Args.count("durationRound", a, 1);
                    Object v = a.get(0);
                    long d = 0;
                    if (v instanceof String str) {
                        Long parsed = GoDuration.parse(str);
                        d = parsed == null ? 0 : parsed;
                    } else if (v instanceof Long l) {
                        d = l;
                    } else if (v instanceof GoTime t) {
                        d = java.time.Duration.between(t.time, ZonedDateTime.now(ZoneId.systemDefault()))
                                .toNanos();
                    }
                    return durationRound(d);
                };
            case "ago" ->
                (c, a) -> {
                    Args.count("ago", a, 1);
                    ZonedDateTime t = a.get(0) instanceof GoTime gt
                            ? gt.time
                            : a.get(0) instanceof Integer || a.get(0) instanceof Long
                                    ? Instant.ofEpochSecond(((Number) a.get(0)).longValue())
                                            .atZone(ZoneId.systemDefault())
                                    : ZonedDateTime.now(ZoneId.systemDefault());
                    long nanos = java.time.Duration.between(t, ZonedDateTime.now(ZoneId.systemDefault()))
                            .toNanos();
                    long rounded = Math.round(nanos / 1e9) * 1_000_000_000L;
                    return GoDuration.format(rounded);
                };
            case "getHostByName" ->
                (c, a) -> {
                    Args.count("getHostByName", a, 1);
                    try {
                        java.net.InetAddress[] addrs = java.net.InetAddress.getAllByName(Args.string(a, 0));
                        return addrs[SharedRandom.get().nextInt(addrs.length)].getHostAddress();
                    } catch (java.net.UnknownHostException e) {
                        // Sprig picks rand.Intn(len(addrs)) from an empty list.
                        throw new TemplateFunctionException("invalid argument to Intn");
                    }
                };
            case "urlParse" ->
                (c, a) -> {
                    Args.count("urlParse", a, 1);
                    return urlParse(Args.string(a, 0));
                };
            case "urlJoin" ->
                (c, a) -> {
                    Args.count("urlJoin", a, 1);
                    return urlJoin(Args.map(a, 0));
                };
            case "base", "osBase" ->
                (c, a) -> {
                    Args.count("base", a, 1);
                    return base(Args.string(a, 0));
                };
            case "dir", "osDir" ->
                (c, a) -> {
                    Args.count("dir", a, 1);
                    return dir(Args.string(a, 0));
                };
            case "clean", "osClean" ->
                (c, a) -> {
                    Args.count("clean", a, 1);
                    return clean(Args.string(a, 0));
                };
            case "ext", "osExt" ->
                (c, a) -> {
                    Args.count("ext", a, 1);
                    String p = Args.string(a, 0);
                    for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
                        if (p.charAt(i) == '.') {
                            return p.substring(i);
                        }
                    }
                    return "";
                };
            case "isAbs", "osIsAbs" ->
                (c, a) -> {
                    Args.count("isAbs", a, 1);
                    return Args.string(a, 0).startsWith("/");
                };
            case "randAlphaNum" ->
                (c, a) -> random("randAlphaNum", a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
            case "dateInZone", "date_in_zone" -> {
                GoZoneNames zones = r.zones();
                yield (c, a) -> {
                    Args.count(name, a, 3);
                    return dateInZone(zones, Args.string(a, 0), a.get(1), Args.string(a, 2));
                };
            }
            case "toDate", "mustToDate" -> {
                GoZoneNames zones = r.zones();
                boolean must = name.startsWith("must");
                yield (c, a) -> {
                    Args.count(name, a, 2);
                    String layout = Args.string(a, 0);
                    String value = Args.string(a, 1);
                    try {
                        // time.ParseInLocation(layout, value, time.Local), as Sprig calls it.
                        return GoTimeLayout.parse(layout, value, ZoneId.systemDefault(), zones);
                    } catch (GoTimeLayout.ParseError e) {
                        if (must) {
                            throw new TemplateFunctionException(e.getMessage());
                        }
                        // toDate drops the error and returns Go's zero time.
                        return new GoTime(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")), zones);
                    }
                };
            }
            case "dateModify", "date_modify", "mustDateModify", "must_date_modify" -> {
                boolean must = name.startsWith("must");
                yield (c, a) -> {
                    Args.count(name, a, 2);
                    String fmt = Args.string(a, 0);
                    if (!(a.get(1) instanceof GoTime t)) {
                        throw Args.wrongType("time.Time", a.get(1));
                    }
                    GoDuration.Parsed d = GoDuration.parseDuration(fmt);
                    if (d.error() != null) {
                        if (must) {
                            throw new TemplateFunctionException(d.error());
                        }
                        return t;
                    }
                    return t.plusNanos(d.nanos());
                };
            }
            default -> null;
        };
    }

    private static String durationRound(long d) {
        // Sprig negates in uint64, where the most negative duration is 2^63; MAX_VALUE, one less, is as many years.
        long u = d == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(d);
        long second = 1_000_000_000L;
        long minute = 60 * second;
        long hour = 60 * minute;
        long day = 24 * hour;
        long month = 30 * day;
        long year = 365 * day;
        if (u > year) {
            return (u / year) + "y";
        } else if (u > month) {
            return (u / month) + "mo";
        } else if (u > day) {
            return (u / day) + "d";
        } else if (u > hour) {
            return (u / hour) + "h";
        } else if (u > minute) {
            return (u / minute) + "m";
        } else if (u > second) {
            return (u / second) + "s";
        }
        return "0s";
    }

    private static String random(String name, List<Object> a, String alphabet) throws WrongArgumentException {
        Args.count(name, a, 1);
        int n = Args.integer(a, 0);
        if (n > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) { // Helm builds it until memory runs out
            throw dev.runway.render.gofmt.ValueLimits.tooLong(name + "'s result of " + n + " characters");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(SharedRandom.get().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String dateInZone(GoZoneNames zones, String fmt, Object date, String zone) {
        ZonedDateTime t;
        if (date instanceof GoTime gt) {
            t = gt.time;
        } else if (date instanceof Integer || date instanceof Long) {
            t = Instant.ofEpochSecond(((Number) date).longValue()).atZone(ZoneId.systemDefault());
        } else {
            t = ZonedDateTime.now(ZoneId.systemDefault());
        }
        ZoneId z;
        try {
            z = zone.equals("Local") ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (RuntimeException e) {
            z = ZoneId.of("UTC");
        }
        return new GoTime(t.withZoneSameInstant(z), zones).format(fmt);
    }

    /** path.Base. */
    static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        while (p.length() > 0 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int i = p.lastIndexOf('/');
        if (i >= 0) {
            p = p.substring(i + 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    /** path.Dir. */
    static String dir(String p) {
        int i = p.lastIndexOf('/');
        return clean(p.substring(0, i + 1));
    }

    /** path.Clean. */
    static String clean(String p) {
        return dev.runway.render.glob.GoPath.clean(p);
    }

    /** Sprig's urlParse: url.Parse, its parts as a dict. */
    private static Map<String, Object> urlParse(String s) throws TemplateFunctionException {
        GoUrl u;
        try {
            u = GoUrl.parse(s);
        } catch (GoUrl.UrlException e) {
            throw new TemplateFunctionException("unable to parse url: " + e.getMessage());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", u.scheme);
        m.put("host", u.host);
        m.put("hostname", u.hostname());
        m.put("path", u.path);
        m.put("query", u.rawQuery);
        m.put("opaque", u.opaque);
        m.put("fragment", u.fragment);
        m.put("userinfo", u.userinfo());
        return m;
    }

    /** Sprig's urlJoin (url.go): a url.URL from the dict's string parts, printed by URL.String. */
    private static String urlJoin(Map<String, Object> d) throws TemplateFunctionException {
        GoUrl u = new GoUrl();
        u.scheme = part(d, "scheme");
        u.host = part(d, "host");
        u.path = part(d, "path");
        u.rawQuery = part(d, "query");
        u.opaque = part(d, "opaque");
        u.fragment = part(d, "fragment");
        String userinfo = part(d, "userinfo");
        if (!userinfo.isEmpty()) {
            try {
                GoUrl parsed = GoUrl.parse("proto://" + userinfo + "@host");
                u.username = parsed.username;
                u.password = parsed.password;
                u.passwordSet = parsed.passwordSet;
            } catch (GoUrl.UrlException e) {
                throw new TemplateFunctionException("unable to parse userinfo in dict: " + e.getMessage());
            }
        }
        return u.toString();
    }

    /** Sprig's dictGetOrEmpty: a missing key is "", a value of another kind than string panics. */
    private static String part(Map<String, Object> d, String key) throws TemplateFunctionException {
        if (d == null || !d.containsKey(key)) {
            return "";
        }
        Object v = d.get(key);
        if (v == null) {
            throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference");
        }
        if (!(v instanceof String s)) {
            throw new TemplateFunctionException(
                    "unable to parse " + key + " key, must be of type string, but " + GoValues.kind(v) + " found");
        }
        return s;
    }
}
