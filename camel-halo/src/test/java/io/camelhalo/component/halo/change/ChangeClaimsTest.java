package io.camelhalo.component.halo.change;

import java.util.HashSet;
import java.util.Set;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(claims.claim("tickets/1@2026-01-01T00:00:00Z"));
        assertTrue(claims.claim("tickets/1@2026-01-01T00:00:00Z"), "nothing remembers it: halo-poll's progress does");
    }

    @Test
    void aReleasedVersionCanBeClaimedAgainAndAConfirmedOneCannot() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        ChangeClaims claims = new ChangeClaims(repository);
        assertTrue(claims.claim("tickets/4@2026-01-01T00:00:00Z"));
        claims.release("tickets/4@2026-01-01T00:00:00Z");
        assertTrue(claims.claim("tickets/4@2026-01-01T00:00:00Z"), "released: the next poll or retry brings it");
        claims.confirm("tickets/4@2026-01-01T00:00:00Z");
        assertFalse(claims.claim("tickets/4@2026-01-01T00:00:00Z"));
    }

    @Test
    void aNewVersionIsAddedAndAKnownOneIsNot() {
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        assertTrue(new ChangeClaims(repository).claim("tickets/1@2026-01-01T00:00:00Z"));
        assertFalse(new ChangeClaims(repository).claim("tickets/1@2026-01-01T00:00:00Z"));
    }

    @Test
    void anAddThatLostARaceToAnotherInstanceCountsAsAlreadyThere() {
        RacedRepository repository = new RacedRepository(new IllegalStateException("duplicate key value"));
        repository.start();
        repository.insertedByOther.add("tickets/2@2026-01-01T00:00:00Z");

        assertFalse(new ChangeClaims(repository).claim("tickets/2@2026-01-01T00:00:00Z"));
        assertTrue(new ChangeClaims(repository).claim("tickets/2@2026-01-01T00:05:00Z"), "a version nobody had is added");
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
