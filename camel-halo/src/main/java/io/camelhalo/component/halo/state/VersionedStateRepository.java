package io.camelhalo.component.halo.state;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} that can write a value only if it is still the one read: a compare-and-set on a version
 * kept beside each value. halo-poll uses it when the configured repository implements it ({@link JdbcStateRepository}
 * does), so a member that lost the leadership without noticing cannot overwrite the newer progress of the member that
 * took over. Any other {@code StateRepository} (memory, file) is written as before, unconditionally.
 */
public interface VersionedStateRepository extends StateRepository<String, String> {

    /** A stored value and its version. */
    record Versioned(String value, long version) {
    }

    /** The value stored under {@code key} with its version, or {@code null} when there is none. */
    Versioned getVersionedState(String key);

    /**
     * Writes {@code value} under {@code key} if the stored version is still {@code expectedVersion}.
     *
     * @param  expectedVersion     the version read (or last written) by the caller; {@code 0} when the caller found no
     *                             value
     * @return                     the version of the value now stored
     * @throws StaleStateException when another writer stored a newer value since (or, for {@code 0}, created one):
     *                             nothing is written
     */
    long compareAndSetState(String key, long expectedVersion, String value);
}
