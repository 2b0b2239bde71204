package io.camelhalo.sandbox;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /Priority/{id}} is a string in Halo's description: a priority put with a text id is served by it. */
class TextIdTest {

    private static final String ID = "A1B2C3D4E5F6A7B8C9D0";

    private HaloSandbox halo;
    private SandboxClient client;

    @BeforeEach
    void start() {
        halo = HaloSandbox.start(0);
        client = new SandboxClient(halo).login();
        halo.put("priorities", Map.of("id", ID, "slaid", 3, "priorityid", 1, "name", "Urgent"));
    }

    @AfterEach
    void stop() {
        halo.close();
    }

    @Test
    void aPriorityIsReadUpdatedAndDeletedByItsTextId() {
        assertEquals("Urgent", client.get("/Priority/" + ID.toLowerCase()).json().get("name").asText());
        assertEquals(ID, client.get("/Priority/" + ID).json().get("id").asText());
        assertEquals(201, client.post("/Priority", "[{\"id\":\"" + ID + "\",\"name\":\"Very urgent\"}]").status());
        assertEquals("Very urgent", client.get("/Priority/" + ID).json().get("name").asText());
        assertEquals(1, client.get("/Priority?slaid=3").json().size());
        assertEquals(200, client.delete("/Priority/" + ID).status());
        assertEquals(404, client.get("/Priority/" + ID).status());
        assertEquals("Critical", client.get("/Priority/1").json().get("name").asText(), "seeded ids stay numbers");
    }

    @Test
    void otherResourcesRefuseATextId() {
        assertEquals(400, client.get("/Tickets/" + ID).status());
    }
}
