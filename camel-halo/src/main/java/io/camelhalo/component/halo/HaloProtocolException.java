package io.camelhalo.component.halo;

/**
 * A reply that cannot be used: not JSON (the message quotes its start), larger than
 * {@code maxResponseSize}, a list shorter than Halo's own record_count, or an unexpected status.
 */
public class HaloProtocolException extends HaloApiException {

    private static final long serialVersionUID = 1L;

    public HaloProtocolException(int statusCode, String method, String path, String responseBody, String advice,
            Throwable cause) {
        super(Kind.PROTOCOL, statusCode, method, path, responseBody, null, advice, false, cause);
    }
}
