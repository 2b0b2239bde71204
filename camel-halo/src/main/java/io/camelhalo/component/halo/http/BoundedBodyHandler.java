package io.camelhalo.component.halo.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a reply body into memory up to a limit, and fails as soon as the body passes it: a runaway reply costs at most
 * the limit, not the heap. A reply that declares its length is checked up front and read by the JDK's own subscriber
 * (the fast path); only a chunked reply is counted as it arrives.
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    /** The reply body was larger than allowed. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the reply is larger than maxResponseSize (" + limit + " bytes)");
        }
    }

    private final long limit;

    BoundedBodyHandler(long limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limit) {
            return HttpResponse.BodySubscribers.replacing(null); // the caller checks the declared length
        }
        if (declared >= 0) {
            // a known size within the limit: the JDK's own subscriber, which the client runs without a thread hop
            return HttpResponse.BodySubscribers.ofByteArray();
        }
        return new Bounded(limit); // chunked, size unknown: count as it arrives
    }

    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final List<ByteBuffer> received = new ArrayList<>();
        private long size;
        private Flow.Subscription subscription;

        Bounded(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                size += item.remaining();
                if (size > limit) {
                    subscription.cancel();
                    received.clear();
                    body.completeExceptionally(new TooLargeException(limit));
                    return;
                }
                received.add(item); // the client hands over buffers it no longer uses: keep them, copy once at the end
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            byte[] all = new byte[(int) size];
            int at = 0;
            for (ByteBuffer item : received) {
                int n = item.remaining();
                item.get(all, at, n);
                at += n;
            }
            received.clear();
            body.complete(all);
        }
    }
}
