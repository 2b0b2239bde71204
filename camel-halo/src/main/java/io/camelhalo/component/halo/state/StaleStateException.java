package io.camelhalo.component.halo.state;

import org.apache.camel.RuntimeCamelException;

/**
 * A compare-and-set write found a newer value than the one its writer read: another member (the new leader of a
 * cluster, say) wrote since. Nothing was written.
 */
public class StaleStateException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final long expectedVersion;

    public StaleStateException(String key, long expectedVersion, String message) {
        super(message);
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    /** The state key written. */
    public String getKey() {
        return key;
    }

    /** The version the writer expected to replace. */
    public long getExpectedVersion() {
        return expectedVersion;
    }
}
