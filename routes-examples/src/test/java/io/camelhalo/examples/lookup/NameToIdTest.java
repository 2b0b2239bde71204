package io.camelhalo.examples.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameToIdTest {

    private final List<Map<String, Object>> statuses = new ArrayList<>(List.of(
            Map.of("id", 1, "name", "New"), Map.of("id", 9, "name", "Closed"), Map.of("id", 2, "name", "In Progress")));
    private final List<String> reads = new ArrayList<>();
    private final NameToId names = new NameToId(resource -> {
        reads.add(resource);
        return resource.equals("statuses") ? List.copyOf(statuses) : List.of(Map.of("id", "2", "name", "Escalations"));
    });

    @Test
    void resolvesNamesIgnoringCaseAndBlanksAndReadsEachListOnce() {
        assertEquals(9, names.id("statuses", "Closed"));
        assertEquals(9, names.id("statuses", " closed "));
        assertEquals(2, names.id("statuses", "IN PROGRESS"));
        assertEquals(2, names.id("teams", "Escalations"), "ids sent as text are read too");
        assertEquals(List.of("statuses", "teams"), reads);
    }

    @Test
    void aMissReadsTheListAgainSoANameAddedInHaloSinceIsFound() {
        assertEquals(1, names.id("statuses", "New"));
        statuses.add(Map.of("id", 12, "name", "Waiting on Customer"));
        assertEquals(12, names.id("statuses", "Waiting on Customer"));
        assertEquals(List.of("statuses", "statuses"), reads);
        assertEquals(12, names.id("statuses", "Waiting on Customer"));
        assertEquals(2, reads.size(), "the refreshed list is cached");
    }

    @Test
    void anUnknownNameFailsWithTheNamesHaloKnows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> names.id("statuses", "Parked"));
        assertEquals("Unknown statuses name 'Parked'; Halo knows: Closed, In Progress, New", e.getMessage());
        assertTrue(reads.size() >= 2, "it looked again before failing");
    }
}
