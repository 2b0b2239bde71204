package io.camelhalo.component.halo.change;

import java.util.HashSet;
import java.util.Set;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Claiming a change version in a repository other instances write too (WebhookClusterTest runs it on PostgreSQL). */
class ChangeClaimsTest {

    /** A repository whose add fails as a JDBC one does when another instance inserted the same key a moment before. */
    private static final class RacedRepository extends MemoryIdempotentRepository {
        private final Set<String> insertedByOther = new HashSet<>();
        private final RuntimeException failure;

        RacedRepository(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public boolean add(String key) {
            if (insertedByOther.contains(key)) {
                throw failure;
            }
            return super.add(key);
        }

        @Override
        public boolean contains(String key) {
            return insertedByOther.contains(key) || super.contains(key);
        }
    }

    @Test
    void withoutARepositoryEveryClaimSucceeds() {
        ChangeClaims claims = new ChangeClaims(null);
        assertEquals(ChangeClaims.Result.CLAIMED, claims.claim("tickets/1@2026-01-01T00:00:00Z"));
        assertEquals(ChangeClaims.Result.CLAIMED, claims.claim("tickets/1@2026-01-01T00:00:00Z"),
                "nothing remembers it: halo-poll's progress does");
    }

    @Test
    void aReleasedVersionCanBeClaimedAgainAndAConfirmedOneCannot() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        ChangeClaims claims = new ChangeClaims(repository);
        assertEquals(ChangeClaims.Result.CLAIMED, claims.claim("tickets/4@2026-01-01T00:00:00Z"));
        claims.release("tickets/4@2026-01-01T00:00:00Z");
        assertEquals(ChangeClaims.Result.CLAIMED, claims.claim("tickets/4@2026-01-01T00:00:00Z"),
                "released: the next poll or retry brings it");
        claims.confirm("tickets/4@2026-01-01T00:00:00Z");
        assertEquals(ChangeClaims.Result.TAKEN, claims.claim("tickets/4@2026-01-01T00:00:00Z"));
    }

    @Test
    void aNewVersionIsClaimedAnInFlightOneIsToldSoAndAConfirmedOneIsTaken() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        ChangeClaims first = new ChangeClaims(repository);
        assertEquals(ChangeClaims.Result.CLAIMED, first.claim("tickets/1@2026-01-01T00:00:00Z"));
        ChangeClaims second = new ChangeClaims(repository); // another route sharing the repository
        assertEquals(ChangeClaims.Result.IN_FLIGHT, second.claim("tickets/1@2026-01-01T00:00:00Z"),
                "claimed but not confirmed: the other route must not take it for done");
        first.confirm("tickets/1@2026-01-01T00:00:00Z");
        assertEquals(Boolean.TRUE, second.outcome("tickets/1@2026-01-01T00:00:00Z").getNow(null));
        assertEquals(ChangeClaims.Result.TAKEN, second.claim("tickets/1@2026-01-01T00:00:00Z"));
    }

    @Test
    void anAddThatLostARaceToAnotherInstanceCountsAsAlreadyThere() {
        RacedRepository repository = new RacedRepository(new IllegalStateException("duplicate key value"));
        repository.start();
        repository.insertedByOther.add("tickets/2@2026-01-01T00:00:00Z");

        assertEquals(ChangeClaims.Result.TAKEN, new ChangeClaims(repository).claim("tickets/2@2026-01-01T00:00:00Z"));
        assertEquals(ChangeClaims.Result.CLAIMED, new ChangeClaims(repository).claim("tickets/2@2026-01-01T00:05:00Z"),
                "a version nobody had is added");
    }

    @Test
    void aFailureWithTheVersionNotThereIsTheRepositorysOwnAndIsThrown() {
        IllegalStateException down = new IllegalStateException("the database is down");
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw down;
            }
        };
        repository.start();

        assertSame(down, assertThrows(IllegalStateException.class,
                () -> new ChangeClaims(repository).claim("tickets/3@2026-01-01T00:00:00Z")));
    }
}
