package io.camelhalo.examples.requests;

import java.util.Map;

/**
 * A request from an external app, mapped to Halo: the ticket to create and, optionally, one file to attach.
 *
 * @param ticket     the ticket fields, custom fields already in Halo's {@code customfields} shape
 * @param filename   null when nothing was uploaded
 * @param dataBase64 the file's content, base64 as Halo takes it
 */
public record TicketRequest(Map<String, Object> ticket, String filename, String dataBase64) {

    public boolean hasAttachment() {
        return filename != null;
    }

    /** The attachment record for ticket {@code ticketId}. */
    public Map<String, Object> attachmentFor(long ticketId) {
        return Map.of("ticket_id", ticketId, "filename", filename, "data_base64", dataBase64);
    }
}
