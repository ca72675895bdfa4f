package dev.runway.render.service;

import java.util.Objects;

/**
 * One file of a render's output.
 *
 * @param name    the file name inside the environment's output directory ({@code deployment-payments.yaml})
 * @param content the file's text
 */
public record OutputFile(String name, String content) {
    public OutputFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
    }
}
