package dev.runway.render.snapshot;

/** How a snapshot check treats the files. */
public enum SnapshotMode {
    /** A developer's run: a missing snapshot is written; a changed one fails. */
    LOCAL,
    /** Rewrite snapshots that differ (and write missing ones), so the change can be reviewed and committed. */
    UPDATE,
    /** Never write: a missing snapshot fails, as does a changed one. */
    CI
}
