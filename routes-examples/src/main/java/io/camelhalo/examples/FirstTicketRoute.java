package io.camelhalo.examples;

import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The first automation: create a ticket, read it back, list the open tickets, and log what happened.
 * <p>
 * Options that matter: {@code halo.example.summary} (the new ticket's summary), {@code halo.example.client-id} (the
 * client it is logged against). The connection comes from {@code camel.component.halo.*} (see application.properties).
 */
public class FirstTicketRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:first-ticket?repeatCount=1").routeId("first-ticket")
                .process(e -> e.getMessage().setBody(Map.of(
                        "summary", e.getContext().resolvePropertyPlaceholders("{{halo.example.summary}}"),
                        "details", "Created by the camel-halo example route",
                        "client_id", Long.valueOf(e.getContext().resolvePropertyPlaceholders("{{halo.example.client-id}}")))))
                .to("halo:tickets/create")
                .log("Created Halo ticket ${header." + HaloConstants.ID + "}: ${body[summary]}")
                .to("halo:tickets/get")
                .log("Read it back: ticket ${body[id]} '${body[summary]}' for client ${body[client_id]}")
                .removeHeader(HaloConstants.ID)
                .to("halo:tickets/list?query.open_only=true")
                .log("Open tickets in Halo: ${header." + HaloConstants.RECORD_COUNT + "}");
    }
}
