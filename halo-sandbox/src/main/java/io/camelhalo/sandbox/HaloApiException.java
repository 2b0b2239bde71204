package io.camelhalo.sandbox;

/** A request Halo would refuse; carries the reply to send. Internal to the sandbox. */
final class HaloApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpReply reply;

    HaloApiException(HttpReply reply) {
        super("HTTP " + reply.status(), null, false, false);
        this.reply = reply;
    }

    static HaloApiException badRequest(String message) {
        return new HaloApiException(HttpReply.haloError(400, message));
    }

    static HaloApiException notFound(String message) {
        return new HaloApiException(HttpReply.haloError(404, message));
    }

    HttpReply reply() {
        return reply;
    }
}
