package dev.runway.render.verify;

/** How bad a finding is. */
public enum Severity {
    /** The API server rejects the manifest, or the service cannot work as deployed. */
    ERROR,
    /** Very likely a mistake, but the API server accepts it. */
    WARNING,
    /** Worth knowing: something that could not be checked. */
    INFO;

    /** The lower-case word used in one-line output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
