package dev.runway.render.snapshot;

/** What to do with snapshot files no test uses any more. */
public enum OrphanPolicy {
    /** Report them (a warning line and a JUnit report entry). */
    WARN,
    /** Report them and fail the test class (or the run, for files of test classes that no longer exist). */
    FAIL,
    /** Delete them and report what was deleted (the default in update mode). */
    DELETE
}
