package dev.runway.render.snapshot;

/**
 * Told about every snapshot a {@link Snapshotter} checks, before the check: a test framework uses it to find
 * snapshots no test uses any more, and to stop two checks of one run from fighting over one file.
 */
@FunctionalInterface
public interface SnapshotLedger {

    /** A ledger that keeps nothing. */
    SnapshotLedger NONE = (id, text) -> {};

    /**
     * Records a check.
     *
     * @param id           the snapshot
     * @param snapshotText the text the snapshot would hold for the chart being checked
     * @throws AssertionError (or another exception) to stop the check, for example when the same snapshot was
     *                        checked earlier in the run with another text
     */
    void record(SnapshotId id, String snapshotText);

    /** Told what a check did when it did not fail (a snapshot written, updated or matched). */
    default void outcome(SnapshotOutcome outcome) {}
}
