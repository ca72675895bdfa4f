package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.template.FunctionContext;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import java.util.List;

/** Reflection (typeOf, kindOf, ...), deepEqual, defaults (default, empty, coalesce, ternary, all, any) and semver. */
final class TypeFunctions {

    private TypeFunctions() {}

    /** This theme's function {@code name}, one of the names FunctionTheme lists for it (FunctionTheme.create checks). */
    static TemplateFunction lookup(String name) {
        return new TypeFunction(name);
    }

    /**
     * The type and default functions: one class that switches on the name rather than a lambda per function: in a fresh
     * JVM each lambda is a class spun at its first use (about half a millisecond, interpreted), and a render calls
     * several.
     */
    private static final class TypeFunction implements TemplateFunction {
        private final String name;
        private final ArgumentReads reads;

        TypeFunction(String name) {
            this.name = name.intern(); // the switch's String.equals then ends at its identity check
            this.reads = switch (name) {
                case "deepEqual" -> ArgumentReads.WHOLE;
                case "semver", "semverCompare" -> ArgumentReads.MATCHES; // a version is parsed by a regex
                default -> ArgumentReads.NONE; // types, emptiness and choices look at a value, not through it
            };
        }

        @Override
        public ArgumentReads argumentReads() {
            return reads;
        }

        @Override
        public Object call(FunctionContext c, List<Object> a) throws TemplateFunctionException {
            switch (name) {
                case "typeOf" -> {
                    Args.count("typeOf", a, 1);
                    return GoFmt.typeName(a.get(0));
                }
                case "typeIs" -> {
                    Args.count("typeIs", a, 2);
                    return Args.string(a, 0).equals(GoFmt.typeName(a.get(1)));
                }
                case "typeIsLike" -> {
                    Args.count("typeIsLike", a, 2);
                    String target = Args.string(a, 0);
                    String t = GoFmt.typeName(a.get(1));
                    return target.equals(t) || ("*" + target).equals(t);
                }
                case "kindOf" -> {
                    Args.count("kindOf", a, 1);
                    return GoValues.kind(a.get(0));
                }
                case "kindIs" -> {
                    Args.count("kindIs", a, 2);
                    return Args.string(a, 0).equals(GoValues.kind(a.get(1)));
                }
                case "deepEqual" -> {
                    Args.count("deepEqual", a, 2);
                    return GoValues.deepEqual(a.get(0), a.get(1));
                }
                case "default" -> {
                    Args.atLeast("default", a, 1);
                    if (a.size() < 2 || GoValues.isZero(a.get(1))) {
                        return a.get(0);
                    }
                    return a.get(1);
                }
                case "empty" -> {
                    Args.count("empty", a, 1);
                    return GoValues.isZero(a.get(0));
                }
                case "coalesce" -> {
                    for (Object o : a) {
                        if (!GoValues.isZero(o)) {
                            return o;
                        }
                    }
                    return null;
                }
                case "all" -> {
                    for (Object o : a) {
                        if (GoValues.isZero(o)) {
                            return false;
                        }
                    }
                    return true;
                }
                case "any" -> {
                    for (Object o : a) {
                        if (!GoValues.isZero(o)) {
                            return true;
                        }
                    }
                    return false;
                }
                case "ternary" -> {
                    Args.count("ternary", a, 3);
                    return Args.bool(a, 2) ? a.get(0) : a.get(1);
                }
                case "semver" -> {
                    Args.count("semver", a, 1);
                    return Semver.parse(Args.string(a, 0));
                }
                case "semverCompare" -> {
                    Args.count("semverCompare", a, 2);
                    String constraint = Args.string(a, 0);
                    String version = Args.string(a, 1);
                    return checkConstraint(constraint, version);
                }
                default -> throw new IllegalStateException("not a function here: " + name);
            }
        }
    }

    private static boolean checkConstraint(String constraint, String version)
            throws dev.runway.render.template.TemplateFunctionException {
        // NewConstraint is parsed first, as in Sprig; then the version. The constraint is read once.
        dev.runway.render.semver.SemverRange.Constraints parsed = Semver.constraint(constraint);
        return parsed.allows(Semver.parse(version).toString());
    }
}
