package dev.runway.render.text;

import java.util.Collection;
import java.util.Locale;

/** The "did you mean" hint for a misspelt name: the known name nearest to it, if it is near enough to be a typo. */
public final class ClosestName {
    private ClosestName() {}

    /**
     * The candidate with the smallest Levenshtein distance to {@code word}, ignoring case (the first of equals wins),
     * or null when even that one is more than {@code max(2, word.length() / 4)} edits away: farther than that, a
     * suggestion is more likely a different name than a typo.
     */
    public static String of(String word, Collection<String> candidates) {
        String lowerWord = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lowerWord, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, word.length() / 4) ? best : null;
    }

    /** Levenshtein distance over UTF-16 units, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
