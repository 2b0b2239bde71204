package io.camelhalo.sandbox;

/** What the sandbox's webhooks send: {@link HaloSandbox#webhookPayloads(WebhookPayloads)}. */
public enum WebhookPayloads {

    /**
     * As Halo sends (the default): only for the events a webhook subscribes to, in its {@code payload_type} (or its
     * custom payload), authenticated as its {@code authentication_type} says in Halo's codes, retried, and disabled
     * after {@code auto_disable_attempts} consecutive failed deliveries.
     */
    AS_HALO,

    /**
     * The sandbox's behaviour before issue 21, kept only until halo-webhook's tests move to {@link #AS_HALO}: the bare
     * record (an array of them when batching) for every API write of a ticket whatever the webhook subscribes to,
     * {@code authentication_type} 2 as a {@code "Name: value"} header and 3 as an HMAC signature of the body (codes no
     * Halo source shows), and no auto-disable.
     *
     * @deprecated remove with the old halo-webhook tests; Halo sends nothing like it
     */
    @Deprecated
    LEGACY_BARE_RECORD
}
