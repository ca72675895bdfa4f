/**
 * Go's value model, shared by the template engine, the functions and the checks: {@link
 * dev.runway.render.gofmt.GoValues} holds Go's value rules (zero values and truth, reflect kinds, type names, Sprig's
 * strval, reflect.DeepEqual), {@link dev.runway.render.gofmt.GoFmt} prints values as Go's fmt does ({@code 1e+06},
 * {@code map[a:1]}, {@code %!d(string=x)}), {@link dev.runway.render.gofmt.GoStrconv} is Go's strconv (number
 * formatting and parsing, Quote and Unquote), and {@link dev.runway.render.gofmt.GoSlice} and
 * {@link dev.runway.render.gofmt.GoNilMap} are the typed and nil collections; {@link
 * dev.runway.render.gofmt.ValueLimits} bounds what a value may grow to.
 */
package dev.runway.render.gofmt;
