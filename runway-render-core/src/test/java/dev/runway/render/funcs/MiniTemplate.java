package dev.runway.render.funcs;

import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.ArrayList;
import java.util.Map;

/**
 * A test-only evaluator for single template actions ({@code upper "a" | quote}, {@code list 1 (add 1 2)},
 * {@code .Values.x | toYaml}), enough to call the function library the way text/template would without the engine.
 * Number literals follow text/template: integers are int, others float64.
 */
final class MiniTemplate {

    private final String src;
    private int pos;
    private final Map<String, Object> root;
    private final Map<String, TemplateFunction> functions;

    private MiniTemplate(String src, Map<String, Object> root, Map<String, TemplateFunction> functions) {
        this.src = src;
        this.root = root;
        this.functions = functions;
    }

    static Object eval(String expr, Map<String, Object> root, Map<String, TemplateFunction> functions)
            throws TemplateFunctionException {
        MiniTemplate t = new MiniTemplate(expr, root, functions);
        Object v = t.pipeline();
        t.skipWs();
        if (t.pos != t.src.length()) {
            throw new IllegalArgumentException("unexpected text at " + t.pos + " in " + expr);
        }
        return v;
    }

    /** A failed call, with the name text/template reports ({@code error calling NAME: ...}). */
    static final class CallError extends RuntimeException {
        final String function;
        final Exception cause;

        CallError(String function, Exception cause) {
            super(cause.getMessage(), cause);
            this.function = function;
            this.cause = cause;
        }

        /** The message as Go's text/template prints it after "executing ... at <...>: ". */
        String goMessage() {
            if (cause instanceof dev.runway.render.template.TemplateArityException) {
                return cause.getMessage();
            }
            return "error calling " + function + ": " + cause.getMessage();
        }
    }

    private static final FunctionContext CONTEXT = new FunctionContext() {};

    private Object pipeline() throws TemplateFunctionException {
        Object v = command(null, false);
        while (true) {
            skipWs();
            if (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                v = command(v, true);
            } else {
                return v;
            }
        }
    }

    private Object command(Object piped, boolean hasPiped) throws TemplateFunctionException {
        skipWs();
        int start = pos;
        String ident = identifier();
        if (ident != null && !ident.equals("true") && !ident.equals("false") && !ident.equals("nil")) {
            dev.runway.render.template.CallArguments args = new dev.runway.render.template.CallArguments(4);
            while (true) {
                skipWs();
                if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')') {
                    break;
                }
                boolean isField = src.charAt(pos) == '.';
                Object v = operand();
                if (isField && v == null) {
                    // A field of a map that is missing or null: a nil interface{}, not Go's invalid value.
                    args.addNilInterface();
                } else {
                    args.add(v);
                }
            }
            if (hasPiped) {
                args.add(piped);
            }
            TemplateFunction f = functions.get(ident);
            if (f == null) {
                throw new IllegalArgumentException("function \"" + ident + "\" not defined");
            }
            try {
                return f.call(CONTEXT, args);
            } catch (CallError e) {
                throw e;
            } catch (TemplateFunctionException | dev.runway.render.template.TemplateArityException e) {
                throw new CallError(ident, e);
            }
        }
        pos = start;
        Object v = operand();
        if (hasPiped) {
            throw new IllegalArgumentException("can't pipe into a non-function");
        }
        return v;
    }

    private Object operand() throws TemplateFunctionException {
        skipWs();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Object v = pipeline();
            skipWs();
            expect(')');
            return v;
        }
        if (c == '"') {
            return stringLiteral();
        }
        if (c == '`') {
            int end = src.indexOf('`', pos + 1);
            String s = src.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }
        if (c == '.') {
            return field();
        }
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            return number();
        }
        String ident = identifier();
        if ("true".equals(ident)) {
            return true;
        }
        if ("false".equals(ident)) {
            return false;
        }
        if ("nil".equals(ident)) {
            return null;
        }
        if (ident != null && functions.containsKey(ident)) {
            return functions.get(ident).call(CONTEXT, new ArrayList<>());
        }
        throw new IllegalArgumentException("bad operand at " + pos + " in " + src);
    }

    private Object field() {
        Object cur = root;
        while (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            String name = identifier();
            if (name == null) {
                return cur;
            }
            cur = cur instanceof Map<?, ?> m ? m.get(name) : null;
        }
        return cur;
    }

    private Object number() {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
            pos++;
        }
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos))
                        || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_'
                        || ((src.charAt(pos) == '-' || src.charAt(pos) == '+')
                                && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String t = src.substring(start, pos);
        Long l = dev.runway.render.gofmt.GoStrconv.parseInt(t, 0);
        if (l != null) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            return l;
        }
        return Double.parseDouble(t);
    }

    private String stringLiteral() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (src.charAt(pos) != '"') {
            char c = src.charAt(pos++);
            if (c == '\\') {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    case 'x' -> {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 2), 16));
                        pos += 2;
                    }
                    default -> throw new IllegalArgumentException("escape \\" + e);
                }
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }

    private String identifier() {
        skipWs();
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start || Character.isDigit(src.charAt(start))) {
            pos = start;
            return null;
        }
        return src.substring(start, pos);
    }

    private void expect(char c) {
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + src);
        }
        pos++;
    }

    private void skipWs() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }
}
