package io.camelhalo.quarkus.it;

import org.apache.camel.builder.RouteBuilder;

/**
 * The application's routes: a poll and a webhook on tickets. Camel Quarkus finds this class in the application's index;
 * the connection is configured in application.properties ({@code camel.component.halo.*}).
 */
public class HaloRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("halo-poll:tickets?startFrom=beginning&delay=200")
                .routeId("poll-tickets")
                .to("mock:polled");

        // served by Quarkus's HTTP server through platform-http; registered in Halo for "Ticket Updated" (19)
        from("halo-webhook:tickets?register=true&events=19&webhookUrl={{halo.webhook.url}}"
             + "&basicUsername=halo&basicPassword=RAW({{halo.webhook.password}})")
                .routeId("webhook-tickets")
                .to("mock:webhook");
    }
}
