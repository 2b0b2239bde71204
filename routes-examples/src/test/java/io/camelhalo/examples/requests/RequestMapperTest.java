package io.camelhalo.examples.requests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestMapperTest {

    private final RequestMapper mapper = new RequestMapper(7, "department:101, cost_centre:102");

    @Test
    void mapsJsonWithCustomFieldsAndAFile() {
        TicketRequest r = mapper.map("{\"summary\":\" Door \",\"client_id\":\"3\",\"cost_centre\":\"CC1\","
                                     + "\"filename\":\"a.txt\",\"data_base64\":\"aGk=\"}");
        assertEquals("Door", r.ticket().get("summary"));
        assertEquals(3L, r.ticket().get("client_id"));
        assertEquals(List.of(Map.of("id", 102L, "value", "CC1")), r.ticket().get("customfields"));
        assertEquals(Map.of("ticket_id", 9L, "filename", "a.txt", "data_base64", "aGk="), r.attachmentFor(9));
    }

    @Test
    void aFormWithoutClientGoesToTheDefaultClientAndHasNoFile() {
        TicketRequest r = mapper.map(Map.of("summary", "Mouse"));
        assertEquals(7L, r.ticket().get("client_id"));
        assertFalse(r.hasAttachment());
        assertFalse(r.ticket().containsKey("customfields"));
    }

    @Test
    void malformedRequestsSayWhatIsWrong() {
        assertEquals("summary is required", fail("{\"details\":\"x\"}"));
        assertEquals("the request body must be a JSON object", fail("[1,2]"));
        assertEquals("client_id must be a number, not 'acme'", fail("{\"summary\":\"s\",\"client_id\":\"acme\"}"));
        assertEquals("filename and data_base64 go together: send both or neither",
                fail("{\"summary\":\"s\",\"filename\":\"a.txt\"}"));
        assertEquals("the request body is empty; send JSON or a form", fail(""));
        assertEquals(true, fail("{\"summary\":").startsWith("malformed JSON"));
        assertEquals(true, fail("{\"summary\":\"s\",\"filename\":\"a\",\"data_base64\":\"%%\"}")
                .startsWith("data_base64 is not base64"));
    }

    private String fail(String body) {
        return assertThrows(IllegalArgumentException.class, () -> mapper.map(body)).getMessage();
    }
}
