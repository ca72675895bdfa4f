package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoFmt;
import dev.runway.render.gofmt.GoValues;

/** Reflection (typeOf, kindOf, ...), deepEqual, defaults (default, empty, coalesce, ternary, all, any) and semver. */
final class TypeFunctions {

    private TypeFunctions() {}

    static void register(Registry r) {
        r.add("typeOf", (c, a) -> {
            Args.count("typeOf", a, 1);
            return GoFmt.typeName(a.get(0));
        });
        r.add("typeIs", (c, a) -> {
            Args.count("typeIs", a, 2);
            return Args.string(a, 0).equals(GoFmt.typeName(a.get(1)));
        });
        r.add("typeIsLike", (c, a) -> {
            Args.count("typeIsLike", a, 2);
            String target = Args.string(a, 0);
            String t = GoFmt.typeName(a.get(1));
            return target.equals(t) || ("*" + target).equals(t);
        });
        r.add("kindOf", (c, a) -> {
            Args.count("kindOf", a, 1);
            return GoValues.kind(a.get(0));
        });
        r.add("kindIs", (c, a) -> {
            Args.count("kindIs", a, 2);
            return Args.string(a, 0).equals(GoValues.kind(a.get(1)));
        });
        r.add("deepEqual", (c, a) -> {
            Args.count("deepEqual", a, 2);
            return GoValues.deepEqual(a.get(0), a.get(1));
        });
        r.add("default", (c, a) -> {
            Args.atLeast("default", a, 1);
            if (a.size() < 2 || GoValues.isZero(a.get(1))) {
                return a.get(0);
            }
            return a.get(1);
        });
        r.add("empty", (c, a) -> {
            Args.count("empty", a, 1);
            return GoValues.isZero(a.get(0));
        });
        r.add("coalesce", (c, a) -> {
            for (Object o : a) {
                if (!GoValues.isZero(o)) {
                    return o;
                }
            }
            return null;
        });
        r.add("all", (c, a) -> {
            for (Object o : a) {
                if (GoValues.isZero(o)) {
                    return false;
                }
            }
            return true;
        });
        r.add("any", (c, a) -> {
            for (Object o : a) {
                if (!GoValues.isZero(o)) {
                    return true;
                }
            }
            return false;
        });
        r.add("ternary", (c, a) -> {
            Args.count("ternary", a, 3);
            return Args.bool(a, 2) ? a.get(0) : a.get(1);
        });
        r.add("semver", (c, a) -> {
            Args.count("semver", a, 1);
            return Semver.parse(Args.string(a, 0));
        });
        r.add("semverCompare", (c, a) -> {
            Args.count("semverCompare", a, 2);
            String constraint = Args.string(a, 0);
            String version = Args.string(a, 1);
            return checkConstraint(constraint, version);
        });
    }

    private static boolean checkConstraint(String constraint, String version)
            throws dev.runway.render.template.TemplateFunctionException {
        // NewConstraint is parsed first, as in Sprig; then the version.
        Semver.check(constraint, Semver.parse("0.0.0"));
        return Semver.check(constraint, Semver.parse(version));
    }
}
