/**
 * SHA-256, the one digest the render path and the plugin's bookkeeping need (the {@code sha256sum} template function,
 * the up-to-date fingerprint, finding fingerprints in reports), written out so that no run sets up the JVM's
 * security providers for it (issue 19).
 */
package dev.runway.render.digest;
