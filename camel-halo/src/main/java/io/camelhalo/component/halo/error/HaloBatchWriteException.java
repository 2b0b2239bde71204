package io.camelhalo.component.halo.error;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelException;

/**
 * A create or update of a List body, sent in several chunks ({@code batchSize} records per request), stopped at a chunk
 * that failed. The chunks are sent one after another and none is retried, so the input records fall into three parts,
 * in order:
 * <ul>
 * <li><b>saved</b>: the chunks before the failed one; Halo confirmed them, {@link #getSaved()} holds Halo's reply for
 * each of these inputs;</li>
 * <li><b>not confirmed</b>: the failed chunk; its request may have reached Halo (a timeout, a lost connection, a 5xx or
 * 4xx reply): check in Halo before sending these again;</li>
 * <li><b>not sent</b>: the chunks after it; nothing of them reached Halo, so they are safe to send again.</li>
 * </ul>
 * The cause is the failed chunk's error (a {@link HaloApiException} for an error reply), so an
 * {@code onException(HaloApiException.class)} still matches.
 */
public class HaloBatchWriteException extends CamelException {

    private static final long serialVersionUID = 1L;

    private final transient List<Map<String, Object>> saved;
    private final transient List<Map<String, Object>> notConfirmed;
    private final transient List<Map<String, Object>> notSent;
    private final int failedChunk;
    private final int chunks;

    /**
     * @param operation    create or update
     * @param resource     the resource's URI name
     * @param savedInputs  how many input records the confirmed chunks held
     * @param saved        Halo's replies for the confirmed chunks
     * @param notConfirmed the failed chunk's records
     * @param notSent      the records after the failed chunk
     * @param failedChunk  the failed chunk, 1-based
     * @param chunks       how many chunks the write had
     * @param cause        the failed chunk's error
     */
    public HaloBatchWriteException(String operation, String resource, int savedInputs, List<Map<String, Object>> saved,
                                   List<Map<String, Object>> notConfirmed, List<Map<String, Object>> notSent,
                                   int failedChunk, int chunks, Throwable cause) {
        super(message(operation, resource, savedInputs, notConfirmed.size(), notSent.size(), failedChunk, chunks,
                cause),
              cause);
        this.saved = List.copyOf(saved);
        this.notConfirmed = List.copyOf(notConfirmed);
        this.notSent = List.copyOf(notSent);
        this.failedChunk = failedChunk;
        this.chunks = chunks;
    }

    private static String message(
            String operation, String resource, int saved, int notConfirmed, int notSent,
            int failedChunk, int chunks, Throwable cause) {
        return operation + " of " + (saved + notConfirmed + notSent) + " " + resource + ": chunk " + failedChunk
               + " of " + chunks + " failed (" + cause.getMessage() + "). Saved: " + range(0, saved)
               + "; not confirmed (the request may have reached Halo: check before sending again): "
               + range(saved, notConfirmed) + "; not sent: " + range(saved + notConfirmed, notSent)
               + ". Nothing was retried.";
    }

    private static String range(int from, int count) {
        return count == 0 ? "none" : "records " + from + ".." + (from + count - 1) + " (" + count + ")";
    }

    /** Halo's reply for each saved input record, in input order: inputs 0 to {@code getSaved().size() - 1}. */
    public List<Map<String, Object>> getSaved() {
        return saved;
    }

    /** The input records of the failed chunk, as they were sent: they may or may not be in Halo. */
    public List<Map<String, Object>> getNotConfirmed() {
        return notConfirmed;
    }

    /** The input records after the failed chunk, as they would have been sent: none reached Halo. */
    public List<Map<String, Object>> getNotSent() {
        return notSent;
    }

    /** The failed chunk, 1-based. */
    public int getFailedChunk() {
        return failedChunk;
    }

    /** How many chunks the write had. */
    public int getChunks() {
        return chunks;
    }
}
