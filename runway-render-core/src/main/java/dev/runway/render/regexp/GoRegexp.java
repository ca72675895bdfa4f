package dev.runway.render.regexp;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart author's regular expression compiled as Go's {@code regexp.Compile} compiles it: RE2 syntax and
 * semantics (leftmost-first, linear time) through RE2/J, Google's port of Go's regexp package, with Go's error texts
 * ({@code error parsing regexp: invalid escape sequence: `\1`}).
 *
 * <p>RE2/J predates three limits Go's parser (regexp/syntax parse.go, Go 1.19 and later) enforces before it builds a
 * program: nested counted repetitions may not multiply past 1000 copies ({@code repeatIsValid}: {@code
 * ((a{1000}){1000}){1000}} is {@code invalid repeat count}), the parse tree may not be higher than 1000 ({@code
 * expression nests too deeply}) and the compiled program may not exceed about 3.3 million instructions ({@code
 * expression too large}). Without them a pattern of a few bytes would make RE2/J build a program of billions of
 * instructions, so {@link #compile} checks them first, over an outline of the pattern that follows Go's parse tree
 * (literal runs, classes, groups, repetitions) closely enough to give the same verdict for real patterns.
 */
public final class GoRegexp {
    /** Go's maxSize: 128 MB of 40-byte instructions. */
    static final long MAX_SIZE = (128L << 20) / 40;
    /** Go's maxHeight. */
    static final int MAX_HEIGHT = 1000;
    /** Go's repeatIsValid bound on nested counted repetitions. */
    static final int MAX_REPEAT = 1000;

    private GoRegexp() {}

    /**
     * regexp.Compile.
     *
     * @throws PatternSyntaxException with Go's message ({@code error parsing regexp: <code>: `<expr>`})
     */
    public static Pattern compile(String expr) {
        new Outline(expr).check();
        return Pattern.compile(expr);
    }

    /** One node of the outline: its height and compiled size as Go's parser computes them, and repeatIsValid's need. */
    private record Item(int height, long size, long need) {
        static final Item LEAF = new Item(1, 1, 1);
    }

    /** Concatenations and alternatives of one group while it is open. */
    private static final class Frame {
        final boolean capture;
        final List<Item> alternatives = new ArrayList<>();
        final List<Item> concat = new ArrayList<>();
        /** Runes in the literal run at the end of {@link #concat}, or 0 when the last item is not a literal run. */
        int literalRun;

        Frame(boolean capture) {
            this.capture = capture;
        }

        void literal() {
            if (literalRun > 0) {
                concat.set(concat.size() - 1, new Item(1, literalRun + 1, 1));
                literalRun++;
            } else {
                concat.add(new Item(1, 1, 1));
                literalRun = 1;
            }
        }

        void atom(Item item) {
            concat.add(item);
            literalRun = 0;
        }

        /** The item a repetition operator applies to: the last rune of a literal run, or the last atom. */
        Item takeLast() {
            if (concat.isEmpty()) {
                return null;
            }
            if (literalRun > 1) {
                literalRun--;
                concat.set(concat.size() - 1, new Item(1, literalRun, 1));
                return Item.LEAF;
            }
            literalRun = 0;
            return concat.remove(concat.size() - 1);
        }

        void bar() {
            alternatives.add(joined(concat, false));
            concat.clear();
            literalRun = 0;
        }

        Item close() {
            bar();
            Item content = joined(alternatives, true);
            return capture ? new Item(content.height() + 1, content.size() + 2, content.need()) : content;
        }

        private static Item joined(List<Item> items, boolean alternate) {
            if (items.isEmpty()) {
                return Item.LEAF;
            }
            if (items.size() == 1) {
                return items.get(0);
            }
            int height = 0;
            long size = alternate ? items.size() - 1 : 0;
            long need = 1;
            for (Item i : items) {
                height = Math.max(height, i.height());
                size = Math.min(MAX_SIZE + 1, size + i.size());
                need = Math.max(need, i.need());
            }
            return new Item(height + 1, size, need);
        }
    }

    /** A pass over the pattern text that builds the outline and fails as Go's parser would on its limits. */
    private static final class Outline {
        private final String expr;
        private final List<Frame> stack = new ArrayList<>();
        private int pos;

        Outline(String expr) {
            this.expr = expr;
            stack.add(new Frame(false));
        }

        void check() {
            int n = expr.length();
            while (pos < n) {
                char c = expr.charAt(pos);
                Frame top = stack.get(stack.size() - 1);
                switch (c) {
                    case '(' -> openGroup();
                    case ')' -> {
                        pos++;
                        if (stack.size() > 1) {
                            Item group = stack.remove(stack.size() - 1).close();
                            stack.get(stack.size() - 1).atom(group);
                            limits(group);
                        }
                    }
                    case '|' -> {
                        pos++;
                        top.bar();
                    }
                    case '*', '+', '?' -> {
                        int start = pos++;
                        skipNonGreedy();
                        Item sub = top.takeLast();
                        if (sub != null) {
                            Item rep = new Item(sub.height() + 1, sub.size() + (c == '*' ? 2 : 1), sub.need());
                            top.atom(rep);
                            limits(rep);
                        } else {
                            pos = Math.max(pos, start + 1);
                        }
                    }
                    case '{' -> countedRepeat(top);
                    case '[' -> {
                        skipClass();
                        top.atom(Item.LEAF);
                    }
                    case '\\' -> escape(top);
                    case '.', '^', '$' -> {
                        pos++;
                        top.atom(Item.LEAF);
                    }
                    default -> {
                        pos += Character.charCount(expr.codePointAt(pos));
                        top.literal();
                    }
                }
            }
            while (stack.size() > 1) {
                Item group = stack.remove(stack.size() - 1).close();
                stack.get(stack.size() - 1).atom(group);
            }
            limits(stack.get(0).close());
        }

        private void limits(Item item) {
            if (item.height() > MAX_HEIGHT) {
                throw new PatternSyntaxException("expression nests too deeply", expr);
            }
            if (item.size() > MAX_SIZE) {
                throw new PatternSyntaxException("expression too large", expr);
            }
        }

        private void skipNonGreedy() {
            if (pos < expr.length() && expr.charAt(pos) == '?') {
                pos++;
            }
        }

        private void openGroup() {
            pos++;
            if (pos < expr.length() && expr.charAt(pos) == '?') {
                int close = pos + 1;
                if (expr.startsWith("P<", close) || expr.startsWith("<", close)) {
                    int end = expr.indexOf('>', close);
                    pos = end < 0 ? expr.length() : end + 1;
                    stack.add(new Frame(true));
                    return;
                }
                while (close < expr.length() && expr.charAt(close) != ')' && expr.charAt(close) != ':') {
                    close++;
                }
                if (close < expr.length() && expr.charAt(close) == ':') {
                    pos = close + 1;
                    stack.add(new Frame(false));
                } else {
                    // (?flags): no node.
                    pos = Math.min(expr.length(), close + 1);
                }
                return;
            }
            stack.add(new Frame(true));
        }

        /** {n}, {n,} or {n,m}; anything else is a literal '{' as in Go. */
        private void countedRepeat(Frame top) {
            int start = pos;
            int i = pos + 1;
            int min = digits(i);
            if (min == Integer.MIN_VALUE) {
                pos++;
                top.literal();
                return;
            }
            i = afterDigits(i);
            int max = min;
            if (i < expr.length() && expr.charAt(i) == ',') {
                i++;
                if (i < expr.length() && expr.charAt(i) == '}') {
                    max = -1;
                } else {
                    max = digits(i);
                    if (max == Integer.MIN_VALUE) {
                        pos++;
                        top.literal();
                        return;
                    }
                    i = afterDigits(i);
                }
            }
            if (i >= expr.length() || expr.charAt(i) != '}') {
                pos++;
                top.literal();
                return;
            }
            pos = i + 1;
            skipNonGreedy();
            Item sub = top.takeLast();
            if (sub == null || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
                // RE2/J reports these itself, with Go's words.
                top.atom(Item.LEAF);
                return;
            }
            long size = max == -1
                    ? (min == 0 ? 2 + sub.size() : 1 + (long) min * sub.size())
                    : (long) max * sub.size() + (max - min);
            int m = max == -1 ? min : max;
            long need = max == 0 ? 1 : Math.max(1, m) * sub.need();
            Item rep = new Item(
                    sub.height() + 1, Math.max(1, Math.min(size, MAX_SIZE + 1)), Math.min(need, MAX_REPEAT + 1L));
            if ((min >= 2 || max >= 2) && rep.need() > MAX_REPEAT) {
                throw new PatternSyntaxException("invalid repeat count", expr.substring(start, pos));
            }
            top.atom(rep);
            limits(rep);
        }

        private int digits(int i) {
            int j = afterDigits(i);
            if (j == i || j - i > 8) {
                return j == i ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            return Integer.parseInt(expr.substring(i, j));
        }

        private int afterDigits(int i) {
            while (i < expr.length() && expr.charAt(i) >= '0' && expr.charAt(i) <= '9') {
                i++;
            }
            return i;
        }

        private void skipClass() {
            int i = pos + 1;
            if (i < expr.length() && expr.charAt(i) == '^') {
                i++;
            }
            if (i < expr.length() && expr.charAt(i) == ']') {
                i++;
            }
            while (i < expr.length() && expr.charAt(i) != ']') {
                if (expr.charAt(i) == '\\') {
                    i += 2;
                } else if (expr.startsWith("[:", i)) {
                    int end = expr.indexOf(":]", i + 2);
                    i = end < 0 ? i + 1 : end + 2;
                } else {
                    i++;
                }
            }
            pos = Math.min(expr.length(), i + 1);
        }

        private void escape(Frame top) {
            pos++;
            if (pos >= expr.length()) {
                return;
            }
            char e = expr.charAt(pos);
            if (e == 'Q') {
                int end = expr.indexOf("\\E", pos + 1);
                int stop = end < 0 ? expr.length() : end;
                for (int i = pos + 1; i < stop; i += Character.charCount(expr.codePointAt(i))) {
                    top.literal();
                }
                pos = end < 0 ? expr.length() : end + 2;
                return;
            }
            pos++;
            if ((e == 'x' || e == 'p' || e == 'P') && pos < expr.length() && expr.charAt(pos) == '{') {
                int end = expr.indexOf('}', pos);
                pos = end < 0 ? expr.length() : end + 1;
            } else if (e == 'x') {
                pos = Math.min(expr.length(), pos + 2);
            } else if (e == 'p' || e == 'P') {
                pos = Math.min(expr.length(), pos + 1);
            }
            if ("dDsSwWpPbBAz".indexOf(e) >= 0) {
                top.atom(Item.LEAF);
            } else {
                top.literal();
            }
        }
    }
}
