package dev.runway.render.service;

/** Counts in log lines and reports, with the noun in the right number: {@code 1 warning}, {@code 2 warnings}. */
public final class Plurals {

    private Plurals() {}

    /** {@code 1 error}, {@code 0 errors}; {@code noun} is the singular and takes an {@code s} in the plural. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
