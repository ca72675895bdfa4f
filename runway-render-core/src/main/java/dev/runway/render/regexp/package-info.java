/**
 * Go's regexp as chart authors and schema writers use it: {@link dev.runway.render.regexp.GoRegexp} compiles a
 * pattern with RE2 syntax and semantics through RE2/J, with Go's limits and error texts. Sprig's regex functions,
 * values.schema.json {@code pattern}s and helm-unittest's matchers all compile through it, so it sits below
 * {@code funcs}, {@code values} and {@code unittest} and depends on none of them.
 */
package dev.runway.render.regexp;
