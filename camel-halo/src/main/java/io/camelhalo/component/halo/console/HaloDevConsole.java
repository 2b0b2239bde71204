package io.camelhalo.component.halo.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloEndpoint;
import io.camelhalo.component.halo.apipath.HaloApiEndpoint;
import io.camelhalo.component.halo.client.HaloConnection;
import io.camelhalo.component.halo.http.HaloConnectionStatistics;
import io.camelhalo.component.halo.poll.HaloPollConsumer;
import io.camelhalo.component.halo.poll.HaloPollEndpoint;
import io.camelhalo.component.halo.poll.HaloPollStatistics;
import io.camelhalo.component.halo.webhook.HaloWebhookConsumer;
import io.camelhalo.component.halo.webhook.HaloWebhookEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code halo} dev console (camel-console, {@code camel get halo}, the Spring Boot actuator's camel console): per
 * connection (of halo, halo-api and halo-poll endpoints) when its access token expires (never the token), the rate
 * governor's permits in use and the requests waiting, 429s, retries and replies by resource, operation and status; per
 * halo-poll route its watermark, last poll and records delivered; per halo-webhook route the path it serves and whether
 * its webhook is registered.
 */
@DevConsole(name = "halo", displayName = "Halo",
            description = "Halo connections (token expiry, rate governor, 429s, retries), halo-poll routes (watermark, "
                          + "last poll, delivered) and halo-webhook routes (path served, registration)")
public class HaloDevConsole extends AbstractDevConsole {

    public HaloDevConsole() {
        super("camel", "halo", "Halo", "Halo connections, halo-poll and halo-webhook routes");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (HaloConnection connection : connections()) {
            HaloConnectionStatistics s = connection.statistics();
            text.append(String.format("Connection %s (tenant %s)%n", connection.key().apiUrl(),
                    connection.key().tenant()))
                    .append(String.format("    Token expires at: %s%n",
                            s.tokenExpiresAt() == null ? "no token yet" : s.tokenExpiresAt()))
                    .append(String.format("    Rate governor: %s, %d waiting, %d ms waited in all%n",
                            s.permitLimit() > 0 ? s.permitsUsed() + " of " + s.permitLimit() + " permits used" : "off",
                            s.waitingForPermit(), s.permitWaitMillis()))
                    .append(String.format("    Rate budget: %s%n", s.rateBudget()))
                    .append(String.format("    429 replies: %d, retries: %d%n", s.rateLimited(), s.retries()));
            s.replies().forEach((key, count) -> text.append(String.format("    %s: %d%n", key, count)));
        }
        for (Route route : pollRoutes()) {
            HaloPollConsumer consumer = (HaloPollConsumer) route.getConsumer();
            HaloPollStatistics s = consumer.statistics();
            text.append(String.format("Route %s (halo-poll:%s)%n", route.getRouteId(),
                    ((HaloPollEndpoint) route.getEndpoint()).watchedName()))
                    .append(String.format("    Watermark: %s%n", orNone(s.watermark())))
                    .append(String.format("    Last poll: %s (%s)%n", orNone(s.lastPollAt()), result(consumer)))
                    .append(String.format("    Delivered: %d%n", s.delivered()));
            s.notices().forEach(notice -> text.append(String.format("    Notice: %s%n", notice)));
        }
        for (Route route : webhookRoutes()) {
            HaloWebhookConsumer consumer = (HaloWebhookConsumer) route.getConsumer();
            HaloWebhookEndpoint endpoint = (HaloWebhookEndpoint) route.getEndpoint();
            text.append(String.format("Route %s (halo-webhook:%s)%n", route.getRouteId(),
                    endpoint.getResource().uriName()))
                    .append(String.format("    Path: %s (%s)%n", endpoint.httpPath(),
                            consumer.isServing() ? "serving" : "not serving"))
                    .append(String.format("    Registered in Halo: %s%n", registration(consumer, endpoint)));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray connections = new JsonArray();
        for (HaloConnection connection : connections()) {
            HaloConnectionStatistics s = connection.statistics();
            JsonObject json = new JsonObject();
            json.put("apiUrl", connection.key().apiUrl());
            json.put("tenant", connection.key().tenant());
            json.put("tokenExpiresAt", s.tokenExpiresAt() == null ? null : s.tokenExpiresAt().toString());
            json.put("permitLimit", s.permitLimit());
            json.put("permitsUsed", s.permitsUsed());
            json.put("waitingForPermit", s.waitingForPermit());
            json.put("permitWaitMillis", s.permitWaitMillis());
            json.put("rateBudget", s.rateBudget());
            json.put("rateBudgetFallback", s.isRateBudgetFallback());
            json.put("rateLimited", s.rateLimited());
            json.put("retries", s.retries());
            json.put("replies", new JsonObject(new java.util.LinkedHashMap<>(s.replies())));
            connections.add(json);
        }
        JsonArray polls = new JsonArray();
        for (Route route : pollRoutes()) {
            HaloPollConsumer consumer = (HaloPollConsumer) route.getConsumer();
            HaloPollStatistics s = consumer.statistics();
            JsonObject json = new JsonObject();
            json.put("routeId", route.getRouteId());
            json.put("resource", ((HaloPollEndpoint) route.getEndpoint()).watchedName());
            json.put("watermark", orNone(s.watermark()));
            json.put("lastPollAt", orNone(s.lastPollAt()));
            json.put("lastPollResult", result(consumer));
            json.put("delivered", s.delivered());
            json.put("failedPolls", consumer.getErrorCounter());
            json.put("notices", new JsonArray(s.notices()));
            polls.add(json);
        }
        JsonArray webhooks = new JsonArray();
        for (Route route : webhookRoutes()) {
            HaloWebhookConsumer consumer = (HaloWebhookConsumer) route.getConsumer();
            HaloWebhookEndpoint endpoint = (HaloWebhookEndpoint) route.getEndpoint();
            JsonObject json = new JsonObject();
            json.put("routeId", route.getRouteId());
            json.put("resource", endpoint.getResource().uriName());
            json.put("path", endpoint.httpPath());
            json.put("serving", consumer.isServing());
            json.put("register", endpoint.isRegister());
            json.put("registered", consumer.isRegistered());
            json.put("webhookName", endpoint.isRegister() ? endpoint.registrationName() : null);
            webhooks.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("connections", connections);
        root.put("polls", polls);
        root.put("webhooks", webhooks);
        return root;
    }

    /** Every connection in use, once, whichever endpoints share it. */
    private List<HaloConnection> connections() {
        Map<HaloConnection, Boolean> seen = new IdentityHashMap<>();
        List<HaloConnection> connections = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            // a webhook endpoint opens a connection only to register or to read a record: none is opened here
            HaloConnection connection = endpoint instanceof HaloEndpoint halo && halo.isStarted() ? halo.getConnection()
                    : endpoint instanceof HaloApiEndpoint api && api.isStarted() ? api.getConnection()
                    : endpoint instanceof HaloPollEndpoint poll && poll.isStarted() ? poll.getConnection()
                    : endpoint instanceof HaloWebhookEndpoint webhook ? webhook.openedConnection() : null;
            if (connection != null && seen.put(connection, Boolean.TRUE) == null) {
                connections.add(connection);
            }
        }
        return connections;
    }

    private List<Route> pollRoutes() {
        return getCamelContext().getRoutes().stream().filter(r -> r.getConsumer() instanceof HaloPollConsumer).toList();
    }

    private List<Route> webhookRoutes() {
        return getCamelContext().getRoutes().stream().filter(r -> r.getConsumer() instanceof HaloWebhookConsumer)
                .toList();
    }

    private static String registration(HaloWebhookConsumer consumer, HaloWebhookEndpoint endpoint) {
        if (!endpoint.isRegister()) {
            return "not asked (register=false)";
        }
        return (consumer.isRegistered() ? "yes" : "no") + ", as '" + endpoint.registrationName() + "'";
    }

    private static String result(HaloPollConsumer consumer) {
        if (consumer.statistics().lastPollAt() == null) {
            return "not polled yet";
        }
        Throwable error = consumer.lastPollError();
        if (error != null) {
            return "failed: " + error.getMessage();
        }
        int changed = consumer.statistics().lastPollChanged();
        return changed < 0 ? "polling" : "ok, " + changed + " changed";
    }

    private static String orNone(Instant instant) {
        return instant == null ? "none" : instant.toString();
    }
}
