package io.camelhalo.component.halo.poll;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * Drives a halo-poll route's polls on the sandbox's clock, and reads what it delivered.
 */
final class PollTestSupport {

    private PollTestSupport() {
    }

    /**
     * The consumer of a route, to drive its polls one at a time (routes use startScheduler=false), with its clock set
     * to the sandbox's so that "now" means the same to both.
     */
    static HaloPollConsumer consumer(CamelContext context, String routeId, HaloSandbox sandbox) {
        HaloPollEndpoint endpoint = (HaloPollEndpoint) context.getRoute(routeId).getEndpoint();
        endpoint.setClock(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return sandbox.now();
            }
        });
        return (HaloPollConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Runs one poll and returns how many HTTP requests to the API it made. */
    static int pollCountingRequests(HaloSandbox sandbox, HaloPollConsumer consumer) throws Exception {
        int before = sandbox.apiRequestCount();
        consumer.poll();
        return sandbox.apiRequestCount() - before;
    }

    /**
     * "id@last-modified" of a record, the stamp read as UTC to the second: a real tenant may write it with or without
     * an offset and with 0, 3 or 7 fraction digits (the sandbox's timestamp modes), and all name one version.
     */
    static String version(Map<?, ?> record, String lastModifiedField) {
        Object stamp = record.get(lastModifiedField);
        return record.get("id") + "@" + (stamp == null ? null : utcSecond(stamp.toString()));
    }

    private static Instant utcSecond(String stamp) {
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(stamp, OffsetDateTime::from, LocalDateTime::from);
        Instant instant = t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The {@link #version} of every delivered exchange, in delivery order. */
    static List<String> versions(List<Exchange> exchanges, String lastModifiedField) {
        List<String> versions = new ArrayList<>();
        for (Exchange e : exchanges) {
            Map<?, ?> body = e.getMessage().getBody(Map.class);
            versions.add(version(body, lastModifiedField));
        }
        return versions;
    }
}
