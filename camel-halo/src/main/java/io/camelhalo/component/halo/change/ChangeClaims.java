package io.camelhalo.component.halo.change;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The versions claimed in an idempotent repository that several instances and both change paths (halo-webhook,
 * halo-poll) may share; without a repository every claim succeeds. Two instances can claim the same version at the same
 * moment; a JDBC repository then lets one insert win and fails the other with a unique-key violation. That loser must
 * count the version as taken by the other (it is in the repository), not as its own failure: a failure would answer
 * Halo 500 and, worse, release the winner's entry.
 */
final class ChangeClaims {

    private final IdempotentRepository repository;

    /** @param repository the shared repository, or {@code null} for none */
    ChangeClaims(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * Claims a version before it is routed.
     *
     * @return                  {@code true} when this call claimed it (the caller routes it, then confirms or releases
     *                          it); {@code false} when it was claimed already, before or at the same moment by another
     *                          instance
     * @throws RuntimeException the repository's own failure when the version is not there after it (e.g. the database
     *                          is down): the caller fails the delivery and releases nothing
     */
    boolean claim(String version) {
        if (repository == null) {
            return true;
        }
        try {
            return repository.add(version);
        } catch (RuntimeException e) {
            boolean there;
            try {
                there = repository.contains(version);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (there) {
                return false; // a concurrent claim by another instance won
            }
            throw e;
        }
    }

    /** The claimed version was routed: it stays taken. */
    void confirm(String version) {
        if (repository != null) {
            repository.confirm(version);
        }
    }

    /** The claimed version failed: released, so the next poll, Halo's retry or a re-send brings it again. */
    void release(String version) {
        if (repository != null) {
            repository.remove(version);
        }
    }
}
