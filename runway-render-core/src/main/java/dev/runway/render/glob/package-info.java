/**
 * Go's path handling and the two glob dialects Helm and Flux use, each matching in bounded time (no exponential
 * backtracking): {@link dev.runway.render.glob.GoPath} (path.Clean and path.Match, for .helmignore and Flux's
 * envsubst) and {@link dev.runway.render.glob.GobwasGlob} (gobwas/glob, for {@code .Files.Glob}).
 */
package dev.runway.render.glob;
