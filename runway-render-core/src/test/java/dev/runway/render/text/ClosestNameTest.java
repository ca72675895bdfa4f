package dev.runway.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, ClosestName.distance("replicas", "replicas"));
        assertEquals(3, ClosestName.distance("kitten", "sitting"));
        assertEquals(4, ClosestName.distance("", "port"));
        assertEquals(4, ClosestName.distance("port", ""));
        assertEquals(1, ClosestName.distance("image", "imag"));
    }

    @Test
    void picksTheNearestCandidateIgnoringCase() {
        assertEquals("replicaCount", ClosestName.of("replicacount", List.of("image", "replicaCount", "resources")));
        assertEquals("containerPort", ClosestName.of("containerPrt", List.of("containerPort", "hostPort")));
    }

    @Test
    void theFirstOfEqualCandidatesWins() {
        assertEquals("ab", ClosestName.of("aa", List.of("ab", "ba")));
    }

    @Test
    void nothingWhenEveryCandidateIsFarther() {
        // "tog" is 1 edit from "tag"; "xyz" is 3 from "tag", beyond max(2, 3 / 4) = 2.
        assertEquals("tag", ClosestName.of("tog", List.of("tag")));
        assertNull(ClosestName.of("xyz", List.of("tag", "image")));
        assertNull(ClosestName.of("anything", List.of()));
    }

    @Test
    void longerWordsAllowMoreEdits() {
        // 16 characters allow 4 edits, 8 allow only 2.
        assertEquals("abcdefghijklmnop", ClosestName.of("abcdefghijklWXYZ", List.of("abcdefghijklmnop")));
        assertNull(ClosestName.of("abcdefghijkVWXYZ", List.of("abcdefghijklmnop")));
        assertEquals("abcdefgh", ClosestName.of("abcdefYZ", List.of("abcdefgh")));
        assertNull(ClosestName.of("abcdeXYZ", List.of("abcdefgh")));
    }
}
