package dev.runway.render.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a snapshot check did when it did not fail.
 *
 * @param status      created, matched or updated
 * @param id          which snapshot
 * @param file        the snapshot file
 * @param differences for {@link Status#UPDATED}: what changed (empty when only the file's layout changed)
 */
public record SnapshotOutcome(Status status, SnapshotId id, Path file, List<SnapshotDifference> differences) {

    /** What happened to the snapshot file. */
    public enum Status {
        /** There was no snapshot; it was written. */
        CREATED,
        /** The rendered chart matches the snapshot; nothing was written. */
        MATCHED,
        /** Update mode: the snapshot differed and was rewritten. */
        UPDATED
    }

    public SnapshotOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        differences = List.copyOf(differences);
    }
}
