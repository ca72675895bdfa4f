package dev.runway.render.servicemanifest;

import java.util.Objects;

/**
 * A container image as Runway's CI input {@code image} and the manifest's {@code spec.image} give it,
 * {@code registry.example.com:5000/group/name:tag}, split into the chart's {@code image.repository} and
 * {@code image.tag}. The tag is what follows the last {@code :} after the last {@code /} (a registry port is not a tag).
 */
public record ImageReference(String repository, String tag) {
    public ImageReference {
        Objects.requireNonNull(repository, "repository");
        tag = Objects.requireNonNullElse(tag, "");
    }

    /**
     * Parses an image reference into its repository and tag.
     *
     * @throws IllegalArgumentException for an empty reference or a digest, which the chart cannot render
     */
    public static ImageReference parse(String reference) {
        String text = Objects.requireNonNull(reference, "reference").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the image is empty: give repository:tag, for example "
                    + "registry.example.com/group/service:1.2.3");
        }
        if (text.contains("@")) {
            throw new IllegalArgumentException("image \"" + text + "\" names a digest; runway-eks renders "
                    + "repository:tag, so give a tag instead");
        }
        int slash = text.lastIndexOf('/');
        int colon = text.lastIndexOf(':');
        if (colon > slash) {
            return new ImageReference(text.substring(0, colon), text.substring(colon + 1));
        }
        return new ImageReference(text, "");
    }

    @Override
    public String toString() {
        return tag.isEmpty() ? repository : repository + ":" + tag;
    }
}
