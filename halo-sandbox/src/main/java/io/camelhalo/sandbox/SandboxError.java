package io.camelhalo.sandbox;

/**
 * A request Halo would refuse; carries the reply to send. Internal to the sandbox (named apart from camel-halo's
 * {@code HaloApiException}, which is the client side of such a reply).
 */
final class SandboxError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpReply reply;

    SandboxError(HttpReply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(HttpReply.haloError(400, message));
    }

    static SandboxError notFound(String message) {
        return new SandboxError(HttpReply.haloError(404, message));
    }

    HttpReply reply() {
        return reply;
    }
}
