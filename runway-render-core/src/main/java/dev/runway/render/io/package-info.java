/**
 * Writing files so that a reader never sees half of one: {@link dev.runway.render.io.AtomicFiles} writes to a
 * temporary file beside the target and moves it into place.
 */
package dev.runway.render.io;
