package dev.runway.render.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds snapshot files that no test uses any more. Only what a run proves is reported: a file is an orphan when
 * its method no longer exists in the test class, or when its method ran, passed, and did not check it. Files of
 * tests that were filtered out, disabled or failed in this run are left alone.
 */
public final class SnapshotOrphans {

    private SnapshotOrphans() {}

    /**
     * Orphans in one test class's folder.
     *
     * @param root           the snapshot root
     * @param classFolder    the test class's folder ({@link SnapshotId#folderOf})
     * @param existingMethods file-safe names ({@link SnapshotId#fileSafeMethod}) of every method the class declares
     *                        or inherits
     * @param passedMethods  methods whose every invocation ran and passed in this run
     * @param used           snapshots checked in this run
     */
    public static List<Path> inClass(
            Path root,
            String classFolder,
            Set<String> existingMethods,
            Set<String> passedMethods,
            Set<SnapshotId> used) {
        Path folder = root.resolve(classFolder);
        Set<Path> usedFiles = new HashSet<>();
        for (SnapshotId id : used) {
            usedFiles.add(root.resolve(id.relativePath()).normalize());
        }
        List<Path> orphans = new ArrayList<>();
        for (Path file : snapshotFiles(folder)) {
            String method = SnapshotId.methodOfFile(file.getFileName().toString());
            boolean methodGone = !existingMethods.contains(method);
            boolean unusedByPassingTest = passedMethods.contains(method) && !usedFiles.contains(file.normalize());
            if (methodGone || unusedByPassingTest) {
                orphans.add(file);
            }
        }
        return orphans;
    }

    /**
     * Snapshot files in folders of test classes that no longer exist.
     *
     * @param knownClassFolders the folder names of every test class there is ({@link SnapshotId#folderOf})
     */
    public static List<Path> inRemovedClasses(Path root, Set<String> knownClassFolders) {
        List<Path> orphans = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return orphans;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.isDirectory(folder)
                        && !knownClassFolders.contains(folder.getFileName().toString())) {
                    orphans.addAll(snapshotFiles(folder));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot folder " + root + ": " + e.getMessage(), e);
        }
        return orphans;
    }

    /** Deletes the files, and their folders when that leaves them empty. */
    public static void delete(List<Path> orphans) {
        try {
            for (Path file : orphans) {
                Files.deleteIfExists(file);
                Path folder = file.getParent();
                try (Stream<Path> rest = Files.list(folder)) {
                    if (rest.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete orphaned snapshot: " + e.getMessage(), e);
        }
    }

    /** A report for people: one line per file, relative to the snapshot root, and what to do. */
    public static String describe(Path root, List<Path> orphans, OrphanPolicy policy) {
        StringBuilder out = new StringBuilder();
        out.append(orphans.size())
                .append(orphans.size() == 1 ? " snapshot" : " snapshots")
                .append(policy == OrphanPolicy.DELETE ? " no test uses any more, deleted:" : " no test uses any more:");
        for (Path file : orphans) {
            out.append("\n  ")
                    .append(root.relativize(file.toAbsolutePath().normalize())
                            .toString()
                            .replace('\\', '/'));
        }
        if (policy != OrphanPolicy.DELETE) {
            out.append("\nDelete them, or run the tests with -D")
                    .append(SnapshotSettings.UPDATE_PROPERTY)
                    .append("=true to delete them (snapshot root ")
                    .append(root)
                    .append(").");
        }
        return out.toString();
    }

    private static List<Path> snapshotFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(SnapshotId.EXTENSION) && !name.startsWith(".");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
