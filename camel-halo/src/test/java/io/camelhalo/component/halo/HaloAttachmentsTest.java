package io.camelhalo.component.halo;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import io.camelhalo.sandbox.TenantMode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments are files: a route uploads bytes, a File or a stream, and gets the file back as bytes with its name,
 * against a sandbox that answers attachment downloads with the file (as Halo does) or with JSON details.
 */
class HaloAttachmentsTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private ProducerTemplate template;

    /** Switches the modes on before the test's first request: the same as starting the sandbox with them. */
    private void start(TenantMode... modes) {
        sandbox = halo.sandbox();
        sandbox.setModes(modes);
        template = halo.template();
    }

    @Test
    void bytesUploadedWithAFileNameComeBackAsTheFile() {
        // given a Halo that answers a download with the file's bytes
        start(TenantMode.ATTACHMENT_GET_ANSWERS_BYTES);
        byte[] log = "disk full at 03:00\n".getBytes(StandardCharsets.UTF_8);

        // when a route uploads the bytes to ticket 1, then downloads the attachment
        Exchange created = template.send("halo:attachments/create", e -> {
            e.getMessage().setBody(log);
            e.getMessage().setHeader(HaloConstants.FILE_NAME, "server.log");
            e.getMessage().setHeader(HaloConstants.TICKET_ID, 1L);
        });
        long id = ((Number) created.getMessage().getHeader(HaloConstants.ID)).longValue();
        Exchange got = template.send("halo:attachments/get", e -> e.getMessage().setHeader(HaloConstants.ID, id));

        // then Halo stored the base64 of the bytes on the ticket, and the download is the same bytes with the name
        Map<String, Object> stored = sandbox.record("attachments", id);
        assertEquals(Base64.getEncoder().encodeToString(log), stored.get("data_base64"));
        assertEquals(1L, ((Number) stored.get("ticket_id")).longValue());
        assertArrayEquals(log, assertInstanceOf(byte[].class, got.getMessage().getBody()));
        assertEquals("server.log", got.getMessage().getHeader(HaloConstants.FILE_NAME));
        assertTrue(String.valueOf(got.getMessage().getHeader(Exchange.CONTENT_TYPE)).length() > 0);
    }

    @Test
    void aDownloadedFileNameIsItsBaseNameOnly() {
        // given an attachment stored in Halo under a path-like name (Halo answers it back in Content-Disposition)
        start(TenantMode.ATTACHMENT_GET_ANSWERS_BYTES);
        Exchange created = template.send("halo:attachments/create?ticketId=1", e -> {
            e.getMessage().setBody("root:x:0:0".getBytes(StandardCharsets.UTF_8));
            e.getMessage().setHeader(HaloConstants.FILE_NAME, "../../etc/passwd");
        });
        long id = ((Number) created.getMessage().getHeader(HaloConstants.ID)).longValue();

        // when a route downloads it
        Exchange got = template.send("halo:attachments/get", e -> e.getMessage().setHeader(HaloConstants.ID, id));

        // then the name handed to the route cannot climb out of the directory it is written to
        assertEquals("../../etc/passwd", sandbox.record("attachments", id).get("filename"));
        assertEquals("passwd", got.getMessage().getHeader(HaloConstants.FILE_NAME));
    }

    @Test
    void aFileOrAStreamIsUploadedToo(@TempDir Path dir) throws Exception {
        // given a file on disk and a stream
        start(TenantMode.ATTACHMENT_GET_ANSWERS_BYTES);
        File file = Files.writeString(dir.resolve("invoice.pdf"), "%PDF-1.4 invoice").toFile();

        // when a route uploads each
        Exchange fromFile = template.send("halo:attachments/create?ticketId=1", e -> e.getMessage().setBody(file));
        Exchange fromStream = template.send("halo:attachments/create?ticketId=1", e -> {
            e.getMessage().setBody(new ByteArrayInputStream("photo".getBytes(StandardCharsets.UTF_8)));
            e.getMessage().setHeader(HaloConstants.FILE_NAME, "photo.jpg");
        });

        // then the file keeps its own name and the stream takes the header's
        Map<String, Object> a = sandbox.record("attachments",
                ((Number) fromFile.getMessage().getHeader(HaloConstants.ID)).longValue());
        Map<String, Object> b = sandbox.record("attachments",
                ((Number) fromStream.getMessage().getHeader(HaloConstants.ID)).longValue());
        assertEquals("invoice.pdf", a.get("filename"));
        assertEquals("photo.jpg", b.get("filename"));
        assertEquals(Base64.getEncoder().encodeToString("photo".getBytes(StandardCharsets.UTF_8)), b.get("data_base64"));
    }

    @Test
    void aStreamWithoutAFileNameIsRefusedBeforeAnythingIsSent() {
        // given a stream and no file name
        start();
        int before = sandbox.apiRequestCount();

        // when a route uploads it
        Exchange e = template.send("halo:attachments/create?ticketId=1",
                x -> x.getMessage().setBody(new ByteArrayInputStream(new byte[] { 1, 2 })));

        // then it fails naming the header, and Halo received nothing
        assertTrue(e.getException().getMessage().contains("CamelHaloFileName"), e.getException().getMessage());
        assertEquals(before, sandbox.apiRequestCount());
    }

    @Test
    void aDownloadAnsweredWithJsonDetailsIsARecord() {
        // given a Halo that answers the attachment's details as JSON
        start();

        // when a route gets attachment 1
        Exchange got = template.send("halo:attachments/get", e -> e.getMessage().setHeader(HaloConstants.ID, 1));

        // then the body is the record, and no file name is made up
        assertEquals("jam.txt", got.getMessage().getBody(Map.class).get("filename"));
        assertNull(got.getMessage().getHeader(HaloConstants.FILE_NAME));
    }
}
