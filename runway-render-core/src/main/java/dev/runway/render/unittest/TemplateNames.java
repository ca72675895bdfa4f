package dev.runway.render.unittest;

/** How helm-unittest names and matches template files (deep_copy.go). */
final class TemplateNames {
    private TemplateNames() {}

    /** getTemplateFileName: {@code deployment.yaml} means {@code templates/deployment.yaml}. */
    static String fileName(String name) {
        if (!name.startsWith("templates")
                && !name.startsWith("charts")
                && !name.startsWith("crds")
                && !name.startsWith("**")) {
            return "templates/" + name;
        }
        return name;
    }

    /** getTemplateFileNamePattern: a template name with {@code *} and {@code **} wildcards as a Go regex. */
    static String pattern(String fileName) {
        String p = fileName.replace(".", "\\.")
                .replace("+", "\\+")
                .replace("[", "\\[")
                .replace("]", "\\]");
        p = p.replace("**", "[0-9a-zA-Z_\\-/\\.]+");
        p = p.replace("*", "[0-9a-zA-Z_\\-_/\\.]*");
        p = p.replace("?", "\\?")
                .replace("(", "\\(")
                .replace(")", "\\)")
                .replace("|", "\\|")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("^", "\\^")
                .replace("$", "\\$");
        return p;
    }
}
