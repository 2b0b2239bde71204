package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

/**
 * No usable reply: the connection failed, Halo did not answer within {@code readTimeout}, or Halo's answer was cut at
 * {@code maxResponseSize} (then the status is Halo's and the message says that Halo did answer). A write that was sent
 * may have been applied ({@link #isWritePossiblyApplied()}): it is never retried.
 */
public class HaloIOException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    private final boolean writePossiblyApplied;

    public HaloIOException(int statusCode, String method, String path, Map<String, List<String>> responseHeaders,
                           String advice, boolean writePossiblyApplied, Throwable cause) {
        super(statusCode, method, path, responseHeaders, null, null, advice, false, cause);
        this.writePossiblyApplied = writePossiblyApplied;
    }

    @Override
    public boolean isWritePossiblyApplied() {
        return writePossiblyApplied;
    }
}
