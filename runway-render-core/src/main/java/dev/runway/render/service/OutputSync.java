package dev.runway.render.service;

import dev.runway.render.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes an output directory hold exactly a set of files: writes the changed ones atomically, leaves the
 * unchanged ones alone, and deletes YAML files a previous render wrote that this one no longer has.
 * The caller renders first and syncs only on success, so a failed render leaves the earlier output untouched.
 */
public final class OutputSync {

    private OutputSync() {}

    /** Whether a file of an environment's folder is render output: the YAML files sync writes, keeps and removes. */
    static boolean isOutputFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * What a sync did.
     *
     * @param written   files whose content changed (or that are new)
     * @param unchanged files that already held their content
     * @param deleted   stale files removed
     */
    public record Result(List<String> written, List<String> unchanged, List<String> deleted) {
        public Result {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            deleted = List.copyOf(deleted);
        }

        public boolean changed() {
            return !written.isEmpty() || !deleted.isEmpty();
        }
    }

    public static Result sync(Path directory, List<OutputFile> files) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (OutputFile file : files) {
            if (AtomicFiles.writeIfChanged(directory.resolve(file.name()), file.content())) {
                written.add(file.name());
            } else {
                unchanged.add(file.name());
            }
        }
        Set<String> keep = new HashSet<>();
        for (OutputFile file : files) {
            keep.add(file.name());
        }
        List<String> deleted = new ArrayList<>();
        // A DirectoryStream, not Files.list: its stream and sort would load java.util.stream classes into each run.
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            for (Path entry : listing) {
                entries.add(entry);
            }
        } catch (DirectoryIteratorException e) {
            // What Files.list's stream threw for an error while reading the folder.
            throw new UncheckedIOException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory + ": " + e.getMessage(), e);
        }
        Collections.sort(entries);
        try {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && !keep.contains(name) && isOutputFile(name)) {
                    // Another build syncing the same directory (mvn -T) may have deleted it a moment ago.
                    if (Files.deleteIfExists(entry)) {
                        deleted.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory + ": " + e.getMessage(), e);
        }
        return new Result(written, unchanged, deleted);
    }
}
