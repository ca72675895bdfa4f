package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoStrconv;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's net/url (url.go) as Sprig's {@code urlParse} and {@code urlJoin} use it: {@link #parse} (url.Parse) and
 * {@link #toString()} (URL.String with EscapedPath, EscapedFragment and host escaping), with Go's escaping rules per
 * URL part and its error texts ({@code parse "...": net/url: invalid userinfo}). Works on UTF-8 bytes as Go does.
 */
final class GoUrl {
    String scheme = "";
    String opaque = "";
    /** Null when the URL has no user information. */
    String username;

    String password;
    boolean passwordSet;
    String host = "";
    String path = "";
    String rawPath = "";
    boolean forceQuery;
    String rawQuery = "";
    String fragment = "";
    String rawFragment = "";

    /** A parse failure; the message is Go's url.Error text. */
    static final class UrlException extends Exception {
        UrlException(String message) {
            super(message);
        }
    }

    private enum Mode {
        PATH,
        PATH_SEGMENT,
        HOST,
        ZONE,
        USER_PASSWORD,
        QUERY_COMPONENT,
        FRAGMENT
    }

    private static boolean shouldEscape(int c, Mode mode) {
        if (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')) {
            return false;
        }
        if (mode == Mode.HOST || mode == Mode.ZONE) {
            if ("!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
                return false;
            }
        }
        switch (c) {
            case '-', '_', '.', '~' -> {
                return false;
            }
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@' -> {
                switch (mode) {
                    case PATH:
                        return c == '?';
                    case PATH_SEGMENT:
                        return c == '/' || c == ';' || c == ',' || c == '?';
                    case USER_PASSWORD:
                        return c == '@' || c == '/' || c == '?' || c == ':';
                    case QUERY_COMPONENT:
                        return true;
                    case FRAGMENT:
                        return false;
                    default:
                        break;
                }
            }
            default -> {}
        }
        if (mode == Mode.FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) {
            return false;
        }
        return true;
    }

    private static String escape(String s, Mode mode) {
        byte[] bytes = GoStrings.utf8(s);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                out.append('+');
            } else if (shouldEscape(c, mode)) {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(int c) {
        return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F');
    }

    private static int unhex(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static String unescape(String text, Mode mode) throws UrlException {
        byte[] s = GoStrings.utf8(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
                    String bad = GoStrings.fromUtf8(s, i, Math.min(i + 3, s.length));
                    throw new UrlException("invalid URL escape " + GoStrconv.quote(bad));
                }
                String three = new String(s, i, 3, StandardCharsets.ISO_8859_1);
                int v = unhex(s[i + 1]) << 4 | unhex(s[i + 2]);
                if (mode == Mode.HOST && unhex(s[i + 1]) < 8 && !three.equals("%25")) {
                    throw new UrlException("invalid URL escape " + GoStrconv.quote(three));
                }
                if (mode == Mode.ZONE && !three.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
                    throw new UrlException("invalid URL escape " + GoStrconv.quote(three));
                }
                out.write(v);
                i += 2;
            } else if (c == '+') {
                out.write(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new UrlException(
                            "invalid character " + GoStrconv.quote(String.valueOf((char) c)) + " in host name");
                }
                out.write(c);
            }
        }
        return GoStrings.fromUtf8(out.toByteArray(), 0, out.size());
    }

    /** url.Parse. */
    static GoUrl parse(String rawUrl) throws UrlException {
        int hash = rawUrl.indexOf('#');
        String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
        GoUrl url;
        try {
            url = parseWithoutFragment(u);
        } catch (UrlException e) {
            throw new UrlException("parse " + GoStrconv.quote(u) + ": " + e.getMessage());
        }
        if (hash >= 0 && hash + 1 < rawUrl.length()) {
            String frag = rawUrl.substring(hash + 1);
            try {
                url.fragment = unescape(frag, Mode.FRAGMENT);
                url.rawFragment = escape(url.fragment, Mode.FRAGMENT).equals(frag) ? "" : frag;
            } catch (UrlException e) {
                throw new UrlException("parse " + GoStrconv.quote(rawUrl) + ": " + e.getMessage());
            }
        }
        return url;
    }

    private static GoUrl parseWithoutFragment(String raw) throws UrlException {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new UrlException("net/url: invalid control character in URL");
            }
        }
        GoUrl url = new GoUrl();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
                continue;
            }
            if (('0' <= c && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new UrlException("missing protocol scheme");
                }
                url.scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new UrlException("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        }
        url.path = unescape(rest, Mode.PATH);
        url.rawPath = escape(url.path, Mode.PATH).equals(rest) ? "" : rest;
        return url;
    }

    private void parseAuthority(String authority) throws UrlException {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            boolean ok = ('a' <= c && c <= 'z')
                    || ('A' <= c && c <= 'Z')
                    || ('0' <= c && c <= '9')
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new UrlException("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, Mode.USER_PASSWORD);
        } else {
            username = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
            password = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
            passwordSet = true;
        }
    }

    private static String parseHost(String host) throws UrlException {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new UrlException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new UrlException("invalid port " + GoStrconv.quote(colonPort) + " after host");
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), Mode.HOST)
                        + unescape(host.substring(zone, close), Mode.ZONE)
                        + unescape(host.substring(close), Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new UrlException("invalid port " + GoStrconv.quote(host.substring(colon)) + " after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** URL.Hostname: the host without a valid port, and without the brackets of an IPv6 literal. */
    String hostname() {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && (h.indexOf(']') < colon) && validOptionalPort(h.substring(colon))) {
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** Userinfo.String: the escaped {@code user[:password]}, or "" without user information. */
    String userinfo() {
        if (username == null) {
            return "";
        }
        String s = escape(username, Mode.USER_PASSWORD);
        return passwordSet ? s + ":" + escape(password, Mode.USER_PASSWORD) : s;
    }

    /** URL.EscapedPath: RawPath when it is a valid escaping of Path, else Path escaped. */
    private String escapedPath() {
        return escaped(rawPath, path, Mode.PATH);
    }

    /** URL.EscapedFragment: RawFragment when it is a valid escaping of Fragment, else Fragment escaped. */
    private String escapedFragment() {
        return escaped(rawFragment, fragment, Mode.FRAGMENT);
    }

    private static String escaped(String raw, String decoded, Mode mode) {
        if (!raw.isEmpty() && validEncoded(raw, mode)) {
            try {
                if (unescape(raw, mode).equals(decoded)) {
                    return raw;
                }
            } catch (UrlException e) {
                // fall through to the computed form
            }
        }
        return decoded.equals("*") && mode == Mode.PATH ? "*" : escape(decoded, mode);
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (byte b : GoStrings.utf8(s)) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    /** URL.String. */
    @Override
    public String toString() {
        StringBuilder buf = new StringBuilder();
        if (!scheme.isEmpty()) {
            buf.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            buf.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || username != null) {
                if (!host.isEmpty() || !path.isEmpty() || username != null) {
                    buf.append("//");
                }
                if (username != null) {
                    buf.append(userinfo()).append('@');
                }
                if (!host.isEmpty()) {
                    buf.append(escape(host, Mode.HOST));
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                buf.append('/');
            }
            if (buf.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
                    buf.append("./");
                }
            }
            buf.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            buf.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            buf.append('#').append(escapedFragment());
        }
        return buf.toString();
    }
}
