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

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route 3, ExternalRequestRoute: POST /requests creates a ticket with custom fields and the uploaded file. */
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

    private static HttpResponse<String> post(RunningExamples app, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + app.property("halo.requests.http-port") + "/requests"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
