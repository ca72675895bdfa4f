package dev.runway.render.verify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Name syntax rules of k8s.io/apimachinery/pkg/util/validation: each method returns the problem, or empty when the
 * text is valid. Messages follow the API server's wording.
 */
final class Names {
    static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    static final Pattern IANA_SVC_NAME = Pattern.compile("[-a-z0-9]+");
    static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private Names() {}

    static Optional<String> dns1123Label(String s) {
        if (s.length() > 63) {
            return Optional.of("must be no more than 63 characters (has " + s.length() + ")");
        }
        if (!DNS1123_LABEL.matcher(s).matches()) {
            return Optional.of("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                    + " and must start and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    static Optional<String> dns1123Subdomain(String s) {
        if (s.length() > 253) {
            return Optional.of("must be no more than 253 characters (has " + s.length() + ")");
        }
        if (!DNS1123_SUBDOMAIN.matcher(s).matches()) {
            return Optional.of("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                    + " '-' or '.', and must start and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    static Optional<String> dns1035Label(String s) {
        if (s.length() > 63) {
            return Optional.of("must be no more than 63 characters (has " + s.length() + ")");
        }
        if (!DNS1035_LABEL.matcher(s).matches()) {
            return Optional.of("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with"
                    + " an alphabetic character, and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    /** RBAC and a few other kinds: any name usable as a URL path segment. */
    static Optional<String> pathSegment(String s) {
        if (s.equals(".") || s.equals("..")) {
            return Optional.of("may not be '" + s + "'");
        }
        if (s.contains("/") || s.contains("%")) {
            return Optional.of("may not contain '/' or '%'");
        }
        return Optional.empty();
    }

    /** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    static Optional<String> qualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty()) {
                return Optional.of("prefix part must be non-empty");
            }
            Optional<String> p = dns1123Subdomain(prefix);
            if (p.isPresent()) {
                return Optional.of("prefix part " + p.get());
            }
        }
        if (name.isEmpty()) {
            return Optional.of("name part must be non-empty");
        }
        if (name.length() > 63) {
            return Optional.of("name part must be no more than 63 characters (has " + name.length() + ")");
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            return Optional.of("name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                    + " and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    static Optional<String> labelValue(String value) {
        if (value.length() > 63) {
            return Optional.of("must be no more than 63 characters (has " + value.length() + ")");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
                    + " or '.', and must start and end with an alphanumeric character");
        }
        return Optional.empty();
    }

    /** Container port names and named target ports (IsValidPortName). */
    static Optional<String> portName(String name) {
        if (name.length() > 15) {
            return Optional.of("must be no more than 15 characters (has " + name.length() + ")");
        }
        if (!IANA_SVC_NAME.matcher(name).matches()) {
            return Optional.of("must contain only lowercase alphanumeric characters (a-z, 0-9), or '-'");
        }
        if (name.contains("--")) {
            return Optional.of("must not contain consecutive hyphens");
        }
        if (!hasLetter(name)) {
            return Optional.of("must contain at least one letter (a-z)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            return Optional.of("must not begin or end with a hyphen");
        }
        return Optional.empty();
    }

    private static boolean hasLetter(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isLetter(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean printableAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 32 || name.charAt(i) > 126) {
                return false;
            }
        }
        return true;
    }

    /**
     * Environment variable names. Since the RelaxedEnvironmentVariableValidation feature (GA in 1.34) the API
     * server accepts any printable ASCII except '='; shells and most runtimes still only read C identifiers.
     */
    static Optional<String> envVarNameRejected(String name) {
        if (name.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (name.contains("=")) {
            return Optional.of("must not contain '='");
        }
        if (!printableAscii(name)) {
            return Optional.of("must consist only of printable ASCII characters");
        }
        return Optional.empty();
    }

    static Optional<String> configMapKey(String key) {
        if (key.length() > 253) {
            return Optional.of("must be no more than 253 characters");
        }
        if (!CONFIG_MAP_KEY.matcher(key).matches()) {
            return Optional.of("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
        }
        if (key.equals(".") || key.equals("..") || key.startsWith("..")) {
            return Optional.of("must not be '.', '..' or start with '..'");
        }
        return Optional.empty();
    }
}
