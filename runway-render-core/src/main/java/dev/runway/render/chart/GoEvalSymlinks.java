package dev.runway.render.chart;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Why Go's {@code filepath.EvalSymlinks} fails on a link, worded as Go words it. Helm's chart loader
 * (internal/sympath) resolves every link it meets and stops with {@code error evaluating symlink <path>: <this>}, so a
 * link to nothing names the first missing folder of the path the link leads to ({@code lstat /a/gone: no such file
 * or directory}), a path through a file is {@code not a directory}, and a chain of more than 255 links is {@code
 * EvalSymlinks: too many links}. This follows walkSymlinks of Go's path/filepath (Unix) component by component; the
 * components still to walk are a queue rather than a string, so each link costs its own length, not the path's.
 */
final class GoEvalSymlinks {
    /** Go's walkSymlinks gives up after this many links. */
    private static final int MAX_LINKS = 255;

    private GoEvalSymlinks() {}

    /**
     * Go's error text for resolving {@code absolute} (an absolute, clean path), or null where Go would resolve it
     * (the file system changed since the caller's own attempt failed).
     */
    static String error(Path absolute) {
        Deque<String> remaining = new ArrayDeque<>();
        split(absolute.toString(), remaining, false);
        List<String> dest = new ArrayList<>();
        int links = 0;
        while (!remaining.isEmpty()) {
            String part = remaining.pollFirst();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                // Back up a folder; ".." at the root (or after a kept "..") is kept, as Go keeps it.
                if (dest.isEmpty() || dest.get(dest.size() - 1).equals("..")) {
                    dest.add("..");
                } else {
                    dest.remove(dest.size() - 1);
                }
                continue;
            }
            dest.add(part);
            Path current = Path.of("/" + String.join("/", dest));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return "lstat " + current + ": " + reason(e);
            }
            if (!attributes.isSymbolicLink()) {
                if (!attributes.isDirectory() && !remaining.isEmpty()) {
                    return "not a directory";
                }
                continue;
            }
            if (++links > MAX_LINKS) {
                return "EvalSymlinks: too many links";
            }
            String target;
            try {
                target = Files.readSymbolicLink(current).toString();
            } catch (IOException e) {
                return "readlink " + current + ": " + reason(e);
            }
            // The link's own name is replaced by where it leads: from the root for an absolute link.
            if (target.startsWith("/")) {
                dest.clear();
            } else {
                dest.remove(dest.size() - 1);
            }
            split(target, remaining, true);
        }
        return null;
    }

    /** The components of {@code path}, queued at the end or (a link's target) in front of what is left. */
    private static void split(String path, Deque<String> queue, boolean inFront) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end > start) {
                parts.add(path.substring(start, end));
            }
            start = end + 1;
        }
        if (inFront) {
            for (int i = parts.size() - 1; i >= 0; i--) {
                queue.addFirst(parts.get(i));
            }
        } else {
            queue.addAll(parts);
        }
    }

    /** Go's text for the errno behind {@code e}: strerror with a lower-case first letter. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return reason == null || reason.isEmpty()
                ? "input/output error"
                : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
