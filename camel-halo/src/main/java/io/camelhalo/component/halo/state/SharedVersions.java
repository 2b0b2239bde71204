package io.camelhalo.component.halo.state;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Adding a change version to an idempotent repository that several instances and both change paths (halo-webhook,
 * halo-poll) share. Two instances can add the same version at the same moment; a JDBC repository then lets one insert
 * win and fails the other with a unique-key violation. That loser must count the version as taken by the other (it is
 * in the repository), not as its own failure: a failure would answer Halo 500 and, worse, remove the winner's entry.
 */
public final class SharedVersions {

    private SharedVersions() {
    }

    /**
     * @return {@code true} when this call added the version (the caller routes it and later confirms or removes it);
     *         {@code false} when it was there already, added before or at the same moment by another instance
     * @throws RuntimeException the repository's own failure when the version is not there after it (e.g. the
     *                          database is down): the caller fails the delivery and removes nothing
     */
    public static boolean add(IdempotentRepository repository, String version) {
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
                return false; // a concurrent add by another instance won
            }
            throw e;
        }
    }
}
