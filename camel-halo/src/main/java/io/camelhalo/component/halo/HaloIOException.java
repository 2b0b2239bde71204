package io.camelhalo.component.halo;

/**
 * No usable reply: the connection was refused or reset, or Halo did not answer in time. Reads were
 * retried; a write was retried only when it provably never reached Halo. When {@link #isWritePossiblyApplied()} is
 * true the write was sent and may have been applied: check Halo before sending it again.
 */
public class HaloIOException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    private final boolean writePossiblyApplied;

    public HaloIOException(String method, String path, String advice, boolean writePossiblyApplied, Throwable cause) {
        super(Kind.IO, 0, method, path, null, null, advice, false, cause);
        this.writePossiblyApplied = writePossiblyApplied;
    }

    @Override
    public boolean isWritePossiblyApplied() {
        return writePossiblyApplied;
    }
}
