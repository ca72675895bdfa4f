package dev.runway.render.template;

import dev.runway.render.gofmt.GoValues;
import java.util.List;

/**
 * A function callable from a template ({@code {{ quote .Values.x }}}), in the shape of one entry of Go's
 * {@code template.FuncMap}. Arguments and results follow the Go value model of {@code dev.runway.render.gofmt}.
 * A function reports failure by throwing {@link TemplateFunctionException}; the executor wraps the message the way
 * Go's text/template does ({@code error calling quote: ...}).
 */
@FunctionalInterface
public interface TemplateFunction extends GoValues.GoFunc {
    Object call(FunctionContext context, List<Object> args) throws TemplateFunctionException;

    /**
     * What the render's budget on created values ({@link ExecutionLimits#maxCreatedBytes}) charges for a new result
     * of this function: its length or element count, times the bytes each is estimated at, unless the function
     * builds a whole tree or its result is counted elsewhere.
     */
    default ResultCharge resultCharge() {
        return ResultCharge.TOP_LEVEL;
    }

    /**
     * What the render's budget on reads ({@link ExecutionLimits#maxReadChars}) charges for this function's arguments
     * before each call: by default every long string argument, read whole (contains, sha256sum, regexMatch, eq, tpl);
     * a function that only passes its arguments on or looks at a bounded part of them (default, list, index) says
     * {@link ArgumentReads#NONE}, one that walks whole lists and maps {@link ArgumentReads#WHOLE}.
     */
    default ArgumentReads argumentReads() {
        return ArgumentReads.STRINGS;
    }

    /** See {@link #argumentReads}. */
    enum ArgumentReads {
        /** No argument is read whole: passed on, stored, or read at a bounded place. */
        NONE,
        /** Each string argument is read whole; lists and maps are passed on. */
        STRINGS,
        /**
         * Each string argument is matched by a regular expression (regexMatch, semver), which costs as much as
         * reading it {@link ExecutionLimits#MATCH_READ_CHARS} times.
         */
        MATCHES,
        /** Each string argument is read whole, and each list or map argument walked (has, uniq, deepEqual, merge). */
        WHOLE
    }

    /** See {@link #resultCharge}. */
    enum ResultCharge {
        /** A string's length, a list's or map's element count (the elements were charged when they were made). */
        TOP_LEVEL,
        /** Every element of every map and list in the result (deepCopy, fromYaml: all of it is new). */
        TREE,
        /** Nothing: include and tpl, whose text was written and counted as output. */
        NONE
    }
}
