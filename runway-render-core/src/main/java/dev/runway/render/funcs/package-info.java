/**
 * Sprig v3.3 and Helm 3.21 template functions over the Go value model, registered by
 * {@link dev.runway.render.funcs.FunctionLibrary#functions()}.
 *
 * <p>What the executor has to know when it calls these functions:
 * <ul>
 *   <li>A {@link dev.runway.render.template.TemplateFunctionException} is a Go error or panic of the call: print it as
 *       {@code error calling NAME: <message>}. {@link dev.runway.render.funcs.WrongArgumentException} (a
 *       {@link dev.runway.render.template.TemplateArityException}) is text/template's own argument check
 *       ({@code wrong number of args for upper: want 1 got 2}, {@code wrong type for value; expected string; got int}):
 *       print it without that prefix, at the node of argument {@code argumentIndex()} (the function name when -1).</li>
 *   <li>Constants are checked by text/template before any call, with other words: {@code upper 1} fails with
 *       {@code expected string; found 1}, {@code trunc "5" "x"} with {@code expected integer; found "5"},
 *       {@code upper nil} with {@code cannot assign nil to string}, {@code get "s" "a"} with
 *       {@code can't handle "s" for arg of type map[string]interface {}}. The executor reports these itself (the
 *       {@code funcs-args} conformance cases show them); a literal {@code nil} for a map parameter is a nil map.</li>
 *   <li>Integer literals arrive as {@code Integer} (Go int), other number literals as {@code Double}.</li>
 *   <li>Results may be {@link dev.runway.render.gofmt.GoSlice} ({@code []string}, {@code []int}, nil slices),
 *       {@link dev.runway.render.template.GoStruct} values with Go methods ({@code (semver "1.2.3").Major}), and Go
 *       {@code time.Time} values; all print through {@link dev.runway.render.gofmt.GoFmt}.</li>
 *   <li>{@code printf}, {@code print}, {@code println} and {@code urlquery} are registered too; the executor's builtins
 *       may replace them. {@code include}, {@code tpl}, {@code required}, {@code fail} and {@code lookup} are the
 *       executor's.</li>
 * </ul>
 */
package dev.runway.render.funcs;
