package io.camelhalo.examples;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route 3, ExternalRequestRoute: POST /requests with the API key creates a ticket with custom fields and the uploaded
 * file; without it, 401 and nothing.
 */
class ExternalRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonRequestCreatesATicketWithCustomFieldsAndItsAttachmentAndAnswers201() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int ticketsBefore = app.halo().count("tickets");
            String data = Base64.getEncoder().encodeToString("door log".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> reply = post(app, "application/json", "{\"summary\": \"Door reader offline\","
                                                                       + " \"details\": \"Since 8am\", \"client_id\": 2, \"department\": \"Facilities\","
                                                                       + " \"filename\": \"door.log\", \"data_base64\": \""
                                                                       + data + "\"}");

            assertEquals(201, reply.statusCode(), reply.body());
            long ticketId = ((Number) JSON.readValue(reply.body(), Map.class).get("ticket_id")).longValue();
            assertEquals(ticketsBefore + 1, app.halo().count("tickets"));
            Map<String, Object> ticket = app.halo().record("tickets", ticketId);
            assertEquals("Door reader offline", ticket.get("summary"));
            assertEquals(2L, ((Number) ticket.get("client_id")).longValue());
            assertEquals(List.of(Map.of("id", 101, "value", "Facilities")), ticket.get("customfields"));
            List<Map<String, Object>> attachments = app.halo().records("attachments").stream()
                    .filter(a -> ((Number) a.get("ticket_id")).longValue() == ticketId).toList();
            assertEquals(1, attachments.size());
            assertEquals("door.log", attachments.get(0).get("filename"));
            assertEquals(data, attachments.get(0).get("data_base64"));
        }
    }

    @Test
    void aFormRequestCreatesATicketForTheDefaultClient() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            HttpResponse<String> reply = post(app, "application/x-www-form-urlencoded",
                    "summary=" + URLEncoder.encode("Need a new mouse & pad", StandardCharsets.UTF_8) + "&cost_centre=CC-7");
            assertEquals(201, reply.statusCode(), reply.body());
            long ticketId = ((Number) JSON.readValue(reply.body(), Map.class).get("ticket_id")).longValue();
            Map<String, Object> ticket = app.halo().record("tickets", ticketId);
            assertEquals("Need a new mouse & pad", ticket.get("summary"));
            assertEquals(1L, ((Number) ticket.get("client_id")).longValue());
            assertEquals(List.of(Map.of("id", 102, "value", "CC-7")), ticket.get("customfields"));
            assertEquals(1, app.halo().count("attachments"), "no file, no attachment (the seed has one)");
        }
    }

    @Test
    void aMultipartUploadAttachesTheUploadedFile() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            String boundary = "----halo-example-boundary";
            String body = "--" + boundary + "\r\n"
                          + "Content-Disposition: form-data; name=\"summary\"\r\n\r\n"
                          + "Scanner broken\r\n"
                          + "--" + boundary + "\r\n"
                          + "Content-Disposition: form-data; name=\"file\"; filename=\"scan.txt\"\r\n"
                          + "Content-Type: text/plain\r\n\r\n"
                          + "paper stuck in scanner\r\n"
                          + "--" + boundary + "--\r\n";

            HttpResponse<String> reply = post(app, "multipart/form-data; boundary=" + boundary, body);

            assertEquals(201, reply.statusCode(), reply.body());
            long ticketId = ((Number) JSON.readValue(reply.body(), Map.class).get("ticket_id")).longValue();
            assertEquals("Scanner broken", app.halo().record("tickets", ticketId).get("summary"));
            List<Map<String, Object>> attachments = app.halo().records("attachments").stream()
                    .filter(a -> ((Number) a.get("ticket_id")).longValue() == ticketId).toList();
            assertEquals(1, attachments.size());
            assertEquals("scan.txt", attachments.get(0).get("filename"));
            assertEquals(Base64.getEncoder().encodeToString("paper stuck in scanner".getBytes(StandardCharsets.UTF_8)),
                    attachments.get(0).get("data_base64"));
        }
    }

    @Test
    void malformedJsonGets400WithTheReasonCreatesNothingAndIsKept() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int tickets = app.halo().count("tickets");
            HttpResponse<String> reply = post(app, "application/json", "{\"summary\": \"half a request\"");

            assertEquals(400, reply.statusCode());
            assertTrue(reply.body().contains("malformed JSON"), reply.body());
            assertEquals(tickets, app.halo().count("tickets"));
            Path rejected = app.dir("halo.requests.dead-letter-dir");
            try (var files = Files.list(rejected)) {
                List<Path> kept = files.toList();
                assertEquals(1, kept.size());
                assertEquals("{\"summary\": \"half a request\"", Files.readString(kept.get(0)));
            }
        }
    }

    @Test
    void aRequestWithoutSummaryGets400() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int tickets = app.halo().count("tickets");
            HttpResponse<String> reply = post(app, "application/json", "{\"details\": \"no summary\"}");
            assertEquals(400, reply.statusCode());
            assertEquals(Map.of("error", "summary is required"), JSON.readValue(reply.body(), Map.class));
            assertEquals(tickets, app.halo().count("tickets"));
        }
    }

    @Test
    void withoutTheApiKeyARequestGets401CreatesNothingAndIsNotKept() throws Exception {
        try (RunningExamples app = RunningExamples.start()) {
            int tickets = app.halo().count("tickets");
            String json = "{\"summary\": \"Free laptops for everyone\"}";

            HttpResponse<String> none = post(app, "application/json", json, null);
            HttpResponse<String> wrong = post(app, "application/json", json, app.property("halo.requests.api-key") + "x");

            assertEquals(401, none.statusCode(), none.body());
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertEquals(Map.of("error", "missing or wrong API key (X-Api-Key)"), JSON.readValue(none.body(), Map.class));
            assertEquals(tickets, app.halo().count("tickets"));
            assertFalse(Files.exists(app.dir("halo.requests.dead-letter-dir")), "nothing kept for a stranger");
            // and with the key, the same request is served
            assertEquals(201, post(app, "application/json", json).statusCode());
        }
    }

    @Test
    void theServerBindsToLoopbackByDefaultAndOtherwiseNeedsAKey() throws Exception {
        // the shipped default: loopback
        Properties shipped = new Properties();
        try (var in = ExternalRequestTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        assertEquals("127.0.0.1", shipped.getProperty("halo.requests.http-host"));
        assertEquals("", shipped.getProperty("halo.requests.api-key"));

        // bound to every address without a key, the app refuses to start (before the server binds)
        Exception refused = assertThrows(Exception.class, () -> RunningExamples.start(Map.of(
                "halo.requests.http-host", "0.0.0.0", "halo.requests.api-key", "")).close());
        assertTrue(chain(refused).contains("HALO_REQUESTS_API_KEY"), chain(refused));
    }

    private static String chain(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append(" | ");
        }
        return all.toString();
    }

    private static HttpResponse<String> post(RunningExamples app, String contentType, String body) throws Exception {
        return post(app, contentType, body, app.property("halo.requests.api-key"));
    }

    private static HttpResponse<String> post(RunningExamples app, String contentType, String body, String apiKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + app.property("halo.requests.http-port") + "/requests"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
