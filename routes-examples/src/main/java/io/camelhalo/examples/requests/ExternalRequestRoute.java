package io.camelhalo.examples.requests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.HaloConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Create tickets from external requests ("External App Trigger → Create Ticket → Create Attachment"):
 * {@code POST /requests} with JSON, a form or a multipart upload creates a Halo ticket (custom fields mapped by
 * {@code halo.requests.custom-fields}) and attaches the uploaded file, then answers 201 with the ticket id. A malformed
 * request gets 400 with the reason, creates nothing, and is kept in {@code halo.requests.dead-letter-dir} for a person
 * to fix and replay.
 * <p>
 * <b>Who may post.</b> The HTTP server binds to {@code 127.0.0.1} by default ({@code halo.requests.http-host}, env
 * {@code HALO_HTTP_HOST}). With an API key set ({@code halo.requests.api-key}, env {@code HALO_REQUESTS_API_KEY}) a
 * request must carry it in header {@code X-Api-Key} ({@code halo.requests.api-key-header}), else it is answered 401 and
 * nothing is created or kept; bound to any other address without a key, the app does not start ({@link RequestApiKey}).
 * The demo sets a random key and sends it.
 * <p>
 * Options: {@code halo.requests.http-host}, {@code halo.requests.http-port}, {@code halo.requests.api-key},
 * {@code halo.requests.api-key-header}, {@code halo.requests.default-client-id}, {@code halo.requests.custom-fields}
 * ({@code requestField:customFieldId,...}), {@code halo.requests.dead-letter-dir}.
 */
public class ExternalRequestRoute extends RouteBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * JSON arrives as text and a form as a Map; of a multipart upload platform-http gives the file as the body (a
     * {@code File}, named by header {@code CamelFileName}) and the other form fields as headers.
     */
    private static Object requestFields(Exchange e) throws IOException {
        Object body = e.getMessage().getBody();
        if (body instanceof Map<?, ?> form) {
            return form;
        }
        if (body instanceof File upload) {
            Map<String, Object> fields = new LinkedHashMap<>(e.getMessage().getHeaders());
            fields.put("filename", e.getMessage().getHeader(Exchange.FILE_NAME, upload.getName(), String.class));
            fields.put("data_base64", Base64.getEncoder().encodeToString(Files.readAllBytes(upload.toPath())));
            return fields;
        }
        return e.getMessage().getBody(String.class);
    }

    @Override
    public void configure() {
        RequestMapper mapper = new RequestMapper(
                Long.parseLong(getContext().resolvePropertyPlaceholders("{{halo.requests.default-client-id}}")),
                getContext().resolvePropertyPlaceholders("{{halo.requests.custom-fields}}"));

        RequestApiKey apiKey = new RequestApiKey(getContext().resolvePropertyPlaceholders("{{halo.requests.api-key}}"));
        apiKey.checkServes(getContext().resolvePropertyPlaceholders("{{halo.requests.http-host}}"));
        String keyHeader = getContext().resolvePropertyPlaceholders("{{halo.requests.api-key-header}}");

        from("platform-http:/requests?httpMethodRestrict=POST").routeId("external-requests")
                .onException(IllegalArgumentException.class).handled(true)
                .log("Rejected request: ${exception.message}; kept in {{halo.requests.dead-letter-dir}}")
                .setBody(exchangeProperty("requestText"))
                .setHeader(Exchange.FILE_NAME, simple("request-${date:now:yyyyMMdd-HHmmss}-${exchangeId}.txt"))
                .to("file:{{halo.requests.dead-letter-dir}}")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .process(e -> e.getMessage().setBody(JSON.writeValueAsString(Map.of("error",
                        e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))))
                .end()
                // no valid key: 401, nothing created, nothing kept (a stranger cannot fill the dead-letter folder)
                .process(e -> {
                    boolean accepted = apiKey.accepts(e.getMessage().getHeader(keyHeader, String.class));
                    e.getMessage().removeHeader(keyHeader);
                    if (!accepted) {
                        e.getMessage().removeHeaders("*");
                        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
                        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        e.getMessage().setBody("{\"error\": \"missing or wrong API key (" + keyHeader + ")\"}");
                        e.setRouteStop(true);
                    }
                })
                .setProperty("requestText", simple("${bodyAs(String)}"))
                .process(e -> e.setProperty("request", mapper.map(requestFields(e))))
                .setBody(simple("${exchangeProperty.request.ticket}"))
                .to("halo:tickets/create")
                .setProperty("ticketId", header(HaloConstants.ID))
                .log("External request: created ticket ${exchangeProperty.ticketId} '${body[summary]}'")
                .filter(simple("${exchangeProperty.request.hasAttachment}"))
                .process(e -> e.getMessage().setBody(e.getProperty("request", TicketRequest.class)
                        .attachmentFor(e.getProperty("ticketId", Long.class))))
                .to("halo:attachments/create")
                .log("External request: attached ${body[filename]} to ticket ${exchangeProperty.ticketId}")
                .end()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(simple("{\"ticket_id\": ${exchangeProperty.ticketId}}"));
    }
}
