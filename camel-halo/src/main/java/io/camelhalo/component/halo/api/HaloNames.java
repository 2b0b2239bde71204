package io.camelhalo.component.halo.api;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean": the allowed name closest to a mistyped one. */
public final class HaloNames {

    private HaloNames() {
    }

    /**
     * The candidate closest to {@code wrong} (ignoring case, and '-' for '_'), or {@code null} when none is close
     * enough to be a likely typo.
     */
    public static String closest(String wrong, Collection<String> candidates) {
        if (wrong == null) {
            return null;
        }
        String w = normal(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, normal(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, w.length() / 3) ? best : null;
    }

    /** " Did you mean 'x'?" or nothing. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String closest = closest(wrong, candidates);
        return closest == null ? "" : " Did you mean '" + closest + "'?";
    }

    private static String normal(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The edit distance between two names: insertions, deletions and substitutions of one character. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
