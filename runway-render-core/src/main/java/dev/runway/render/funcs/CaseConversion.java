package dev.runway.render.funcs;

/** huandu/xstrings case conversions used by Sprig's camelcase, snakecase and kebabcase. */
final class CaseConversion {

    private CaseConversion() {}

    private static boolean isConnector(int r) {
        return r == '-' || r == '_' || GoStrings.isSpace(r);
    }

    private static boolean isAlphabet(int r) {
        return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z');
    }

    private static boolean isPunct(int r) {
        int t = Character.getType(r);
        return t == Character.CONNECTOR_PUNCTUATION
                || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isNumber(int r) {
        int t = Character.getType(r);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    static String toCamelCase(String str) {
        if (str.isEmpty()) {
            return "";
        }
        int[] cps = str.codePoints().toArray();
        StringBuilder buf = new StringBuilder();
        int i = 0;
        int r0 = 0;
        boolean isFirstRuneUpper = false;
        boolean found = false;
        while (i < cps.length) {
            r0 = cps[i++];
            if (!isConnector(r0)) {
                isFirstRuneUpper = Character.isUpperCase(r0);
                r0 = Character.toUpperCase(r0);
                found = true;
                break;
            }
            buf.appendCodePoint(r0);
        }
        if (i >= cps.length) {
            if (found) {
                buf.appendCodePoint(r0);
            }
            return buf.toString();
        }
        while (i < cps.length) {
            int r1 = r0;
            r0 = cps[i++];
            if (isConnector(r0) && isConnector(r1)) {
                buf.appendCodePoint(r1);
                continue;
            }
            if (isConnector(r1)) {
                isFirstRuneUpper = Character.isUpperCase(r0);
                r0 = Character.toUpperCase(r0);
            } else {
                if (isFirstRuneUpper) {
                    if (Character.isUpperCase(r0)) {
                        r0 = Character.toLowerCase(r0);
                    } else {
                        isFirstRuneUpper = false;
                    }
                }
                buf.appendCodePoint(r1);
            }
        }
        buf.appendCodePoint(r0);
        return buf.toString();
    }

    static String toSnakeCase(String s) {
        return camelCaseToLowerCase(s, '_');
    }

    static String toKebabCase(String s) {
        return camelCaseToLowerCase(s, '-');
    }

    private enum WordType {
        INVALID,
        NUMBER,
        UPPER,
        ALPHABET,
        CONNECTOR,
        PUNCT,
        OTHER
    }

    private record Word(WordType type, String word, String remaining) {}

    private static Word nextWord(String str) {
        if (str.isEmpty()) {
            return new Word(WordType.INVALID, "", "");
        }
        int[] cps = str.codePoints().toArray();
        int n = 1;
        int r = cps[0];
        WordType wt;
        if (isConnector(r)) {
            wt = WordType.CONNECTOR;
            while (n < cps.length && isConnector(cps[n])) {
                n++;
            }
        } else if (isPunct(r)) {
            wt = WordType.PUNCT;
            while (n < cps.length && isPunct(cps[n])) {
                n++;
            }
        } else if (Character.isUpperCase(r)) {
            wt = WordType.UPPER;
            if (n < cps.length) {
                int r1 = cps[n];
                if (Character.isUpperCase(r1)) {
                    n++;
                    while (n < cps.length && Character.isUpperCase(cps[n])) {
                        n++;
                    }
                    if (n < cps.length && isAlphabet(cps[n])) {
                        n--;
                    }
                } else if (isAlphabet(r1)) {
                    // "Floor": an upper-case word that goes on in lower case.
                    n++;
                    while (n < cps.length && isAlphabet(cps[n]) && !Character.isUpperCase(cps[n])) {
                        n++;
                    }
                }
            }
        } else if (isAlphabet(r)) {
            wt = WordType.ALPHABET;
            while (n < cps.length && isAlphabet(cps[n]) && !Character.isUpperCase(cps[n])) {
                n++;
            }
        } else if (isNumber(r)) {
            wt = WordType.NUMBER;
            while (n < cps.length && isNumber(cps[n])) {
                n++;
            }
        } else {
            wt = WordType.OTHER;
            while (n < cps.length
                    && !(isConnector(cps[n]) || isAlphabet(cps[n]) || isNumber(cps[n]) || isPunct(cps[n]))) {
                n++;
            }
        }
        int cut = str.offsetByCodePoints(0, n);
        return new Word(wt, str.substring(0, cut), str.substring(cut));
    }

    private static void toLower(StringBuilder buf, WordType wt, String str, int connector) {
        if (wt != WordType.UPPER && wt != WordType.CONNECTOR) {
            buf.append(str);
            return;
        }
        str.codePoints().forEach(r -> {
            if (isConnector(r)) {
                buf.appendCodePoint(connector);
            } else if (Character.isUpperCase(r)) {
                buf.appendCodePoint(Character.toLowerCase(r));
            } else {
                buf.appendCodePoint(r);
            }
        });
    }

    /**
     * xstrings' run after a number: the letters and digits from {@code w} on are written lower-cased, then the
     * connector unless the run ends the input or stops at a connector or punctuation; returns the word after the run.
     */
    private static Word lowerRun(StringBuilder buf, Word w, int connector) {
        while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
            toLower(buf, w.type(), w.word(), connector);
            w = nextWord(w.remaining());
        }
        if (w.type() != WordType.INVALID && w.type() != WordType.PUNCT && w.type() != WordType.CONNECTOR) {
            buf.appendCodePoint(connector);
        }
        return w;
    }

    private static String camelCaseToLowerCase(String str, int connector) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder();
        Word w = nextWord(str);
        WordType wt = w.type();
        String word = w.word();
        String remaining = w.remaining();
        while (!remaining.isEmpty()) {
            if (wt != WordType.CONNECTOR) {
                toLower(buf, wt, word, connector);
            }
            WordType prev = wt;
            String last = word;
            w = nextWord(remaining);
            wt = w.type();
            word = w.word();
            remaining = w.remaining();
            switch (prev) {
                case NUMBER -> {
                    w = lowerRun(buf, w, connector);
                    wt = w.type();
                    word = w.word();
                    remaining = w.remaining();
                }
                case CONNECTOR -> toLower(buf, prev, last, connector);
                case PUNCT -> {}
                default -> {
                    if (wt != WordType.NUMBER) {
                        if (wt != WordType.CONNECTOR && wt != WordType.PUNCT) {
                            buf.appendCodePoint(connector);
                        }
                        break;
                    }
                    if (remaining.isEmpty()) {
                        break;
                    }
                    String lastNumber = word;
                    w = nextWord(remaining);
                    wt = w.type();
                    word = w.word();
                    remaining = w.remaining();
                    if (wt == WordType.UPPER) {
                        // "Bld4Floor": the number stays with the word before it.
                        toLower(buf, WordType.NUMBER, lastNumber, connector);
                        buf.appendCodePoint(connector);
                        break;
                    }
                    buf.appendCodePoint(connector);
                    toLower(buf, WordType.NUMBER, lastNumber, connector);
                    w = lowerRun(buf, w, connector);
                    wt = w.type();
                    word = w.word();
                    remaining = w.remaining();
                }
            }
        }
        toLower(buf, wt, word, connector);
        return buf.toString();
    }
}
