/**
 * Files and stacks on hostile input: {@link dev.runway.render.io.AtomicFiles} writes to a temporary file beside the
 * target and moves it into place, so a reader never sees half of one; {@link dev.runway.render.io.BoundedFiles} reads
 * only regular files and at most a limit (never {@code /dev/zero} or a named pipe); {@link dev.runway.render.io.DeepStack}
 * retries deep recursive work on a thread with a large stack, so nesting Helm accepts never ends in a
 * StackOverflowError.
 */
package dev.runway.render.io;
