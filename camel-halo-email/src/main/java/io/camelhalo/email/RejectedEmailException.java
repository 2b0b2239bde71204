package io.camelhalo.email;

/**
 * An email refused as a whole before anything of it reaches Halo: over the attachment limits, or one sender writing
 * faster than the per-sender rate allows. The template keeps it in its dead-letter folder.
 */
public class RejectedEmailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedEmailException(String message) {
        super(message);
    }
}
