package io.camelhalo.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the sandbox's webhook Deliveries log (served as Halo's {@code GET /WebhookEvent}): what was posted
 * where, and the HTTP status of each attempt ({@code -1}: no answer, {@code 0}: not sent because the URL is not
 * loopback).
 *
 * @param number         its number in the log, from 1; {@link HaloSandbox#resendWebhookDelivery(int)} takes it
 * @param id             its id in {@code GET /WebhookEvent} (a GUID; for one event, the delivery's own {@code id})
 * @param webhookId      the webhook's id
 * @param url            where it was posted
 * @param body           the JSON posted: one payload, or an array of them when batched
 * @param resentFrom     the number of the delivery this one re-sends, or 0
 * @param statuses       the status of each attempt, in order
 * @param requestHeaders the request headers of the last attempt as the log shows them, credentials masked
 * @param responseBody   the body of the last answer, or {@code null}
 * @param timestamp      when it was first attempted
 */
public record WebhookDelivery(int number, String id, String webhookId, String url, String body, int resentFrom,
        List<Integer> statuses, String requestHeaders, String responseBody, Instant timestamp) {

    /** Whether the last attempt was answered 2xx. */
    public boolean succeeded() {
        return succeeded(lastStatus());
    }

    /** The status of the last attempt ({@code -1}: no answer, {@code 0}: not sent). */
    public int lastStatus() {
        return statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1);
    }

    static boolean succeeded(int status) {
        return status >= 200 && status < 300;
    }
}
