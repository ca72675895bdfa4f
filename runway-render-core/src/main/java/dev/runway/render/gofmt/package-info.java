/**
 * Go's fmt and strconv over the renderer's Go value model: {@link dev.runway.render.gofmt.GoFmt} prints values as Go
 * does ({@code 1e+06}, {@code map[a:1]}, {@code %!d(string=x)}).
 */
package dev.runway.render.gofmt;
