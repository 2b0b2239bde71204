package io.camelhalo.sandbox;

import java.util.List;

/**
 * One entry of the sandbox's webhook Deliveries log: what was posted where, and the HTTP status of each attempt
 * ({@code -1}: no answer, {@code 0}: not sent because the URL is not loopback).
 *
 * @param number     its number in the log, from 1; {@link HaloSandbox#resendWebhookDelivery(int)} takes it
 * @param webhookId  the webhook's id
 * @param url        where it was posted
 * @param body       the JSON posted: one record, or an array of records when batched
 * @param resentFrom the number of the delivery this one re-sends, or 0
 * @param statuses   the status of each attempt, in order
 */
public record WebhookDelivery(int number, String webhookId, String url, String body, int resentFrom,
        List<Integer> statuses) {

    /** Whether the last attempt was answered 2xx. */
    public boolean succeeded() {
        int last = statuses.isEmpty() ? -1 : statuses.get(statuses.size() - 1);
        return last >= 200 && last < 300;
    }
}
