package io.camelhalo.component.halo.client;

/**
 * A successful reply from Halo's API: its status, its JSON as maps and lists ({@code null} for an empty reply), and
 * the method, path and query it answered, for messages about it.
 */
public record HaloReply(int status, Object json, String method, String target) {
}
