package io.camelhalo.component.halo.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.api.HaloResource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delivery step both change paths share, on its own: what the route sees, what is claimed, what progress moves. */
class ChangeDeliveryTest {

    private final CamelContext context = new DefaultCamelContext();
    private final MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
    private final List<Exchange> routed = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<Throwable> handled = new ArrayList<>();
    private boolean routeFails;
    private ChangeDelivery delivery;

    private final ChangeDelivery.Progress recording = new ChangeDelivery.Progress() {
        @Override
        public void delivered(HaloChange change) {
            progress.add("delivered " + change.key());
        }

        @Override
        public void failed(HaloChange change) {
            progress.add("failed " + change.key());
        }
    };

    @BeforeEach
    void start() {
        context.start();
        repository.start();
        DefaultConsumer consumer = new DefaultConsumer(context.getEndpoint("direct:changes"), exchange -> {
            if (routeFails) {
                throw new IllegalStateException("downstream unavailable");
            }
            routed.add(exchange.copy());
        });
        consumer.setExceptionHandler(new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
        delivery = new ChangeDelivery(consumer, repository, "it comes again");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static HaloChange ticket(long id, String lastUpdate) {
        return HaloChange.of(HaloResource.TICKETS, Map.of("id", id, "last_update", lastUpdate), null);
    }

    @Test
    void aRoutedChangeCarriesItsHeadersIsClaimedAndMovesTheProgress() {
        HaloChange change = ticket(5, "2026-12-01T10:00:00.250");

        assertEquals(ChangeDelivery.Outcome.ROUTED, delivery.deliver(change, 1, 2, recording));

        Exchange exchange = routed.get(0);
        assertEquals(change.record(), exchange.getMessage().getBody());
        assertEquals("tickets", exchange.getMessage().getHeader(HaloConstants.RECORD_RESOURCE));
        assertEquals(5L, exchange.getMessage().getHeader(HaloConstants.RECORD_ID));
        assertEquals(change.lastModified(), exchange.getMessage().getHeader(HaloConstants.LAST_MODIFIED));
        assertEquals(HaloChange.UPDATED, exchange.getMessage().getHeader(HaloConstants.EVENT_TYPE));
        assertEquals(Boolean.TRUE, exchange.getProperty(Exchange.BATCH_COMPLETE));
        assertTrue(repository.contains(change.key()));
        assertEquals(List.of("delivered " + change.key()), progress);
    }

    @Test
    void aVersionClaimedBeforeIsNotRoutedButProgressPassesIt() {
        HaloChange change = ticket(6, "2026-12-01T10:00:00.250");
        repository.add(change.key()); // the other path took it

        assertEquals(ChangeDelivery.Outcome.DUPLICATE, delivery.deliver(change, 0, 1, recording));

        assertEquals(List.of(), routed);
        assertEquals(List.of("delivered " + change.key()), progress);
    }

    @Test
    void aFailedRouteReleasesTheClaimAndHoldsTheProgress() {
        HaloChange change = ticket(7, "2026-12-01T10:00:00.250");
        routeFails = true;

        assertEquals(ChangeDelivery.Outcome.FAILED, delivery.deliver(change, 0, 1, recording));

        assertFalse(repository.contains(change.key()), "released: the next poll or Halo's retry brings it again");
        assertEquals(List.of("failed " + change.key()), progress);
        assertEquals("downstream unavailable", handled.get(0).getMessage());
    }

    @Test
    void aVersionStillInFlightOnTheOtherPathIsNotDoneForThePollAndComesBackIfThatRouteFails() throws Exception {
        // given a webhook delivery of ticket 8 whose route is still running, and will fail
        HaloChange change = ticket(8, "2026-12-01T10:00:00.250");
        java.util.concurrent.CountDownLatch inRoute = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DefaultConsumer webhook = new DefaultConsumer(context.getEndpoint("direct:webhook"), exchange -> {
            inRoute.countDown();
            assertTrue(release.await(10, java.util.concurrent.TimeUnit.SECONDS));
            throw new IllegalStateException("downstream unavailable");
        });
        webhook.setExceptionHandler(new org.apache.camel.support.LoggingExceptionHandler(context, getClass()));
        ChangeDelivery webhookPath = new ChangeDelivery(webhook, repository, "Halo retries");
        java.util.concurrent.CompletableFuture<ChangeDelivery.Outcome> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> webhookPath.deliver(change, 0, 1, ChangeDelivery.Progress.NONE));
        assertTrue(inRoute.await(10, java.util.concurrent.TimeUnit.SECONDS));

        // when the poll, sharing the repository, meets the same version
        ChangeDelivery.Outcome polled = delivery.deliver(change, 0, 1, recording);

        // then it is not done: nothing routed, and the poll's progress is held at it
        assertEquals(ChangeDelivery.Outcome.IN_FLIGHT, polled);
        assertEquals(List.of("failed " + change.key()), progress);
        assertEquals(List.of(), routed);

        // and once the webhook's route fails, the poll's next try routes it
        release.countDown();
        assertEquals(ChangeDelivery.Outcome.FAILED, first.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(ChangeDelivery.Outcome.ROUTED, delivery.deliver(change, 0, 1, recording));
        assertEquals(1, routed.size());
    }
}
