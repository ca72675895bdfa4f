package dev.runway.render.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast path for {@link ManifestHead}: one pass over the lines of a rendered document that reads the head
 * (apiVersion, kind, metadata.name, metadata.namespace, metadata.annotations) and checks the document is YAML,
 * for the plain block YAML templates print. Helm parses every rendered document in full to read these few
 * fields; the full parse was a quarter of a warm render.
 *
 * <p>The scanner knows a small subset of YAML it is sure of: block mappings with simple keys, block sequences
 * (also at the indentation of their key), single-line plain and quoted scalars, {@code []} and {@code {}}, literal
 * and folded block scalars, comments on their own lines. Anything else (anchors, tags, flow collections, multi-line
 * scalars, tabs in indentation, control characters, odd indentation, any error) makes it unsure, and it returns
 * null so that the caller runs the full parse, which gives the exact result and the exact error. Whenever it answers,
 * its answer equals the full parse's (ManifestHeadScannerTest checks this on mutated manifests).
 */
final class ManifestHeadScanner {
    /** libyaml rejects simple keys longer than 1024 characters; far below that the scanner just steps aside. */
    private static final int MAX_KEY = 512;

    private enum Role {
        ROOT,
        METADATA,
        ANNOTATIONS,
        OTHER
    }

    /** An open block collection: its column, whether it is a sequence, and which part of the head it is. */
    private record Frame(int indent, boolean sequence, Role role) {}

    private final String doc;
    /**
     * The document's characters (in a possibly longer array, only the first {@code doc.length()} are the document's):
     * the scanner reads every character, and reading an array cost well under half of {@code String.charAt} in a
     * loop that may stop early (measured on runway-eks documents).
     */
    private final char[] text;

    private final List<Frame> stack = new ArrayList<>();
    private String apiVersion = "";
    private String kind = "";
    private String name = "";
    private String namespace = "";
    private Map<String, String> annotations = Map.of();

    /** A key or dash whose value did not start on its line: it is null or the block on the next lines. */
    private boolean pending;

    private int pendingIndent;
    private boolean pendingIsDash;
    private Role pendingParent;
    private String pendingKey;

    private ManifestHeadScanner(String doc, char[] text) {
        this.doc = doc;
        this.text = text;
    }

    /** The head of the document, or null when the scanner is not sure (the caller then parses it in full). */
    static ManifestHead scan(String document) {
        return scan(document, new char[document.length()]);
    }

    /**
     * As {@link #scan(String)}, copying the document into {@code scratch} (at least as long as the document; what it
     * held before is overwritten or ignored), so that the documents of one render can share one array.
     */
    static ManifestHead scan(String document, char[] scratch) {
        int length = document.length();
        document.getChars(0, length, scratch, 0);
        if (!plainCharacters(scratch, length)) {
            return null;
        }
        return new ManifestHeadScanner(document, scratch).run();
    }

    /**
     * Characters both YAML parsers read alike: no control characters, no line breaks other than LF (libyaml
     * also breaks lines at NEL, LS and PS), no byte order mark, no surrogates (kept simple).
     */
    private static boolean plainCharacters(char[] s, int length) {
        for (int i = 0; i < length; i++) {
            char c = s[i];
            if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
                continue;
            }
            if (c < 0xA0 || (c >= 0xD800 && c < 0xE000) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }

    private ManifestHead run() {
        int pos = 0;
        int length = doc.length();
        int lineStart = 0;
        while (pos <= length) {
            int end = doc.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            lineStart = pos;
            pos = end + 1;
            int indent = 0;
            while (lineStart + indent < end && text[lineStart + indent] == ' ') {
                indent++;
            }
            int content = lineStart + indent;
            if (content == end) {
                continue; // blank line
            }
            char first = text[content];
            if (first == '\t') {
                return null;
            }
            if (first == '#') {
                continue; // a comment line, at any indentation
            }
            if (indent == 0 && (doc.startsWith("---", content) || doc.startsWith("...", content))) {
                return null;
            }
            int next = line(indent, content, end);
            if (next == UNSURE) {
                return null;
            }
            if (next > 0) {
                pos = next; // a block scalar consumed the lines up to here
            }
        }
        if (pending) {
            resolvePendingAsNull();
        }
        return new ManifestHead(apiVersion, kind, name, namespace, annotations);
    }

    private static final int UNSURE = -1;

    /**
     * One content line. Returns UNSURE, 0 to go on with the next line, or the position of the line after a block
     * scalar that started on this one.
     */
    private int line(int indent, int content, int end) {
        if (stack.isEmpty() && !pending) {
            // the root: only a block mapping is read here (a sequence or scalar root is Helm's error: full parse)
            if (isDash(content, end)) {
                return UNSURE;
            }
            stack.add(new Frame(indent, false, Role.ROOT));
            return mapEntry(indent, content, end, Role.ROOT);
        }
        if (pending) {
            boolean dash = isDash(content, end);
            boolean opens = indent > pendingIndent
                    || (!pendingIsDash
                            && indent == pendingIndent
                            && dash
                            && !stack.isEmpty()
                            && !stack.get(stack.size() - 1).sequence());
            if (opens) {
                boolean map = !dash;
                Role role = openedRole(map);
                pending = false;
                stack.add(new Frame(indent, dash, role));
                return dash ? seqEntry(indent, content, end) : mapEntry(indent, content, end, role);
            }
            resolvePendingAsNull();
        }
        while (!stack.isEmpty()) {
            Frame top = stack.get(stack.size() - 1);
            if (top.indent() > indent) {
                stack.remove(stack.size() - 1);
            } else if (top.indent() == indent
                    && top.sequence()
                    && !isDash(content, end)
                    && stack.size() > 1
                    && stack.get(stack.size() - 2).indent() == indent) {
                stack.remove(stack.size() - 1); // an indentless sequence ends at its parent's next key
            } else {
                break;
            }
        }
        if (stack.isEmpty()) {
            return UNSURE;
        }
        Frame top = stack.get(stack.size() - 1);
        if (top.indent() != indent) {
            return UNSURE; // a continuation line or an error
        }
        if (top.sequence()) {
            return isDash(content, end) ? seqEntry(indent, content, end) : UNSURE;
        }
        return isDash(content, end) ? UNSURE : mapEntry(indent, content, end, top.role());
    }

    private boolean isDash(int content, int end) {
        return text[content] == '-' && (content + 1 == end || text[content + 1] == ' ');
    }

    /** The role of a block that opens under the pending key (a mapping, or a sequence when not {@code map}). */
    private Role openedRole(boolean map) {
        if (pendingIsDash) {
            return Role.OTHER;
        }
        if (map && pendingParent == Role.ROOT && "metadata".equals(pendingKey)) {
            return Role.METADATA;
        }
        if (map && pendingParent == Role.METADATA && "annotations".equals(pendingKey)) {
            annotations = new LinkedHashMap<>();
            return Role.ANNOTATIONS;
        }
        collectionValue(pendingParent, pendingKey);
        return Role.OTHER;
    }

    /** A key with nothing after it and no block below: the value is null. */
    private void resolvePendingAsNull() {
        pending = false;
        if (!pendingIsDash) {
            scalarValue(pendingParent, pendingKey, "", false, true);
        }
    }

    /** {@code - ...} in a sequence at this indentation. */
    private int seqEntry(int indent, int content, int end) {
        int rest = content + 1;
        while (rest < end && text[rest] == ' ') {
            rest++;
        }
        if (rest == end) {
            setPending(indent, true, Role.OTHER, null);
            return 0;
        }
        char c = text[rest];
        if (c == '\t' || c == '#' || isDash(rest, end)) {
            return UNSURE;
        }
        int column = rest - (content - indent);
        int colon = keyEnd(rest, end);
        if (colon > 0) {
            stack.add(new Frame(column, false, Role.OTHER));
            return mapEntry(column, rest, end, Role.OTHER);
        }
        return value(indent, rest, end, Role.OTHER, null);
    }

    /** {@code key: ...} in a mapping at this indentation. */
    private int mapEntry(int indent, int content, int end, Role role) {
        int colon = keyEnd(content, end);
        if (colon < 0) {
            return UNSURE;
        }
        // Only the head's roles read keys: no string for each key of the rest of the document.
        String key = role == Role.OTHER ? null : doc.substring(content, colon);
        int rest = colon + 1;
        while (rest < end && text[rest] == ' ') {
            rest++;
        }
        if (rest == end) {
            setPending(indent, false, role, key);
            return 0;
        }
        return value(indent, rest, end, role, key);
    }

    private void setPending(int indent, boolean dash, Role parent, String key) {
        pending = true;
        pendingIndent = indent;
        pendingIsDash = dash;
        pendingParent = parent;
        pendingKey = key;
    }

    /**
     * The end of a simple key ({@code [A-Za-z0-9_][A-Za-z0-9_./-]*} followed by {@code :} and a space or the end of
     * the line): the colon's position, or -1.
     */
    private int keyEnd(int start, int end) {
        int i = start;
        if (i >= end || !keyStart(text[i])) {
            return -1;
        }
        i++;
        // keyChar written out over bit masks: this loop reads every key of the document, and cold, two helper calls
        // per character cost more than the rest of it.
        char[] t = text;
        while (i < end) {
            char c = t[i];
            if (c < 64 ? (KEY_CHAR_LO & 1L << c) == 0 : c >= 128 || (KEY_CHAR_HI & 1L << c) == 0) {
                break;
            }
            i++;
        }
        if (i >= end || text[i] != ':' || i - start > MAX_KEY) {
            return -1;
        }
        return i + 1 == end || text[i + 1] == ' ' ? i : -1;
    }

    /** {@link #keyChar}'s characters below 64 ({@code 0-9 . / -}) and from 64 to 127 ({@code A-Z a-z _}), by c & 63. */
    private static final long KEY_CHAR_LO = 0x03FFL << '0' | 1L << '.' | 1L << '/' | 1L << '-';

    private static final long KEY_CHAR_HI = 0x03FFFFFFL << ('A' - 64) | 0x03FFFFFFL << ('a' - 64) | 1L << ('_' - 64);

    private static boolean keyStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    static boolean keyChar(char c) {
        return keyStart(c) || c == '.' || c == '/' || c == '-';
    }

    /**
     * A value that starts on the line of its key or dash, at {@code start}; {@code parentIndent} is the indentation
     * of the collection holding it (a block scalar's lines must be deeper).
     */
    private int value(int parentIndent, int start, int end, Role role, String key) {
        char c = text[start];
        int last = end;
        while (text[last - 1] == ' ') {
            last--;
        }
        switch (c) {
            case '"' -> {
                String text = doubleQuoted(start, last);
                if (text == null) {
                    return UNSURE;
                }
                return scalarValue(role, key, text, true, false) ? 0 : UNSURE;
            }
            case '\'' -> {
                String text = singleQuoted(start, last);
                if (text == null) {
                    return UNSURE;
                }
                return scalarValue(role, key, text, true, false) ? 0 : UNSURE;
            }
            case '|', '>' -> {
                if (last - start > 2 || (last - start == 2 && text[start + 1] != '-' && text[start + 1] != '+')) {
                    return UNSURE; // indentation indicators and comments after the header
                }
                if (role == Role.ANNOTATIONS
                        || (role == Role.ROOT && isRootField(key))
                        || (role == Role.METADATA && isMetadataField(key))) {
                    return UNSURE; // a head field as a block scalar: rare, let the full parse decode it
                }
                return blockScalar(parentIndent, end);
            }
            case '[', '{' -> {
                if (last - start != 2 || text[start + 1] != (c == '[' ? ']' : '}')) {
                    return UNSURE;
                }
                if (role == Role.METADATA && "annotations".equals(key) && c == '{') {
                    annotations = new LinkedHashMap<>();
                } else {
                    collectionValue(role, key);
                }
                return 0;
            }
            default -> {
                if (!plainScalar(start, last)) {
                    return UNSURE;
                }
                if (role == Role.OTHER) {
                    return 0; // checked above; the text itself is not part of the head
                }
                return scalarValue(role, key, doc.substring(start, last), false, false) ? 0 : UNSURE;
            }
        }
    }

    private static boolean isRootField(String key) {
        return "apiVersion".equals(key) || "kind".equals(key) || "metadata".equals(key);
    }

    private static boolean isMetadataField(String key) {
        return "name".equals(key) || "namespace".equals(key) || "annotations".equals(key);
    }

    /**
     * A single-line plain scalar in block context: not starting with an indicator, no {@code ": "}, no
     * {@code " #"}, no tab, not ending in a colon.
     */
    private boolean plainScalar(int start, int last) {
        char c = text[start];
        switch (c) {
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                return false;
            }
            case '-' -> {
                if (start + 1 >= last || text[start + 1] == ' ') {
                    return false;
                }
            }
            default -> {}
        }
        for (int i = start; i < last; i++) {
            char ch = text[i];
            if (ch == '\t'
                    || (ch == ':' && (i + 1 == last || text[i + 1] == ' '))
                    || (ch == '#' && text[i - 1] == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted scalar that ends on its line with nothing after it, decoded; null when unsure. */
    private String doubleQuoted(int start, int last) {
        if (last - start < 2 || text[last - 1] != '"') {
            return null;
        }
        StringBuilder b = null;
        int i = start + 1;
        int close = last - 1;
        for (; i < close; i++) {
            char c = text[i];
            if (c == '"') {
                return null;
            }
            if (c == '\\') {
                if (i + 1 >= close) {
                    return null; // the closing quote is escaped
                }
                char e = text[++i];
                char decoded = switch (e) {
                    case '\\' -> '\\';
                    case '"' -> '"';
                    case '/' -> '/';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case ' ' -> ' ';
                    default -> 0xFFFF; // hex escapes and the rest: the full parse decodes them
                };
                if (decoded == 0xFFFF) {
                    return null;
                }
                if (b == null) {
                    b = new StringBuilder(doc.substring(start + 1, i - 1));
                }
                b.append(decoded);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? doc.substring(start + 1, close) : b.toString();
    }

    /** A single-quoted scalar that ends on its line with nothing after it, decoded; null when unsure. */
    private String singleQuoted(int start, int last) {
        if (last - start < 2 || text[last - 1] != '\'') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int close = last - 1;
        for (int i = start + 1; i < close; i++) {
            char c = text[i];
            if (c == '\'') {
                if (i + 1 < close && text[i + 1] == '\'') {
                    i++;
                } else {
                    return null;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The lines of a literal or folded block scalar whose header ends at {@code headerEnd}: every non-blank line
     * at least as deep as the first one, which must be deeper than the collection holding the scalar. Returns the
     * position of the first line after the scalar.
     */
    private int blockScalar(int parentIndent, int headerEnd) {
        int pos = headerEnd + 1;
        int length = doc.length();
        int contentIndent = -1;
        while (pos < length) {
            int end = doc.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            int indent = 0;
            while (pos + indent < end && text[pos + indent] == ' ') {
                indent++;
            }
            if (pos + indent == end) {
                if (contentIndent < 0 && indent > 0) {
                    return UNSURE; // leading space-only lines: how deep they count differs between parsers
                }
                pos = end + 1;
                continue;
            }
            if (contentIndent < 0) {
                if (indent <= parentIndent) {
                    return pos; // an empty scalar: this line belongs to the collections again
                }
                if (text[pos + indent] == '\t') {
                    return UNSURE;
                }
                contentIndent = indent;
            } else if (indent < contentIndent) {
                if (text[pos + indent] == '\t') {
                    return UNSURE;
                }
                return pos;
            }
            pos = end + 1;
        }
        return length + 1;
    }

    /** A scalar value of a key; false when the head needs it and the scanner cannot tell its JSON type. */
    private boolean scalarValue(Role role, String key, String text, boolean quoted, boolean isNull) {
        switch (role) {
            case ROOT -> {
                if ("apiVersion".equals(key)) {
                    String s = headString(text, quoted, isNull);
                    if (s == null) {
                        return false;
                    }
                    apiVersion = s;
                } else if ("kind".equals(key)) {
                    String s = headString(text, quoted, isNull);
                    if (s == null) {
                        return false;
                    }
                    kind = s;
                }
            }
            case METADATA -> {
                if ("name".equals(key)) {
                    String s = headString(text, quoted, isNull);
                    if (s == null) {
                        return false;
                    }
                    name = s;
                } else if ("namespace".equals(key)) {
                    String s = headString(text, quoted, isNull);
                    if (s == null) {
                        return false;
                    }
                    namespace = s;
                }
            }
            case ANNOTATIONS -> annotations.put(key, text);
            default -> {}
        }
        return true;
    }

    /** A collection where the head wanted a string: Helm leaves the field empty. */
    private void collectionValue(Role role, String key) {
        if (role == Role.ROOT) {
            if ("apiVersion".equals(key)) {
                apiVersion = "";
            } else if ("kind".equals(key)) {
                kind = "";
            }
        } else if (role == Role.METADATA) {
            if ("name".equals(key)) {
                name = "";
            } else if ("namespace".equals(key)) {
                namespace = "";
            }
        }
    }

    /**
     * A head field's string: quoted text as is; a plain scalar that YAML reads as null, a boolean or a number
     * leaves the field empty. The scanner only decides for plain text starting with a letter (no number does);
     * other plain text returns null (unsure).
     */
    private static String headString(String text, boolean quoted, boolean isNull) {
        if (quoted) {
            return text;
        }
        if (isNull) {
            return "";
        }
        char c = text.isEmpty() ? ' ' : text.charAt(0);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return null;
        }
        if (text.length() <= 5 && isNullOrBool(text)) {
            return "";
        }
        return text;
    }

    private static boolean isNullOrBool(String s) {
        return switch (s) {
            case "null", "Null", "NULL" -> true;
            default ->
                switch (s.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "false", "yes", "no", "on", "off", "y", "n" -> true;
                    default -> false;
                };
        };
    }
}
