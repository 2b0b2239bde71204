package io.camelhalo.component.halo;

import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ids as Halo has them: a priority's id is a string in Halo's description (a published sync library reads long
 * alphanumeric ones), every other resource's is a whole number. Checked in one place, {@code api/HaloIds}.
 */
class HaloTextIdsTest {

    private static final String ID = "A1B2C3D4E5F6A7B8C9D0";

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private ProducerTemplate template;

    @BeforeEach
    void seed() {
        sandbox = halo.sandbox();
        template = halo.template();
        sandbox.put("priorities", Map.of("id", ID, "slaid", 3, "priorityid", 1, "name", "Urgent"));
    }

    @Test
    void aPriorityIsReadUpdatedAndDeletedByItsAlphanumericId() {
        Exchange got = template.request("halo:priorities/get", e -> e.getMessage().setHeader(HaloConstants.ID, ID));
        assertEquals("Urgent", got.getMessage().getBody(Map.class).get("name"));
        assertEquals(ID, got.getMessage().getHeader(HaloConstants.ID));

        template.requestBody("halo:priorities/update", Map.of("id", ID, "name", "Very urgent"));
        assertEquals("Very urgent", priority().get("name"));

        template.requestBodyAndHeader("halo:priorities/delete", null, HaloConstants.ID, " " + ID + " ");
        assertEquals(0, sandbox.records("priorities").stream().filter(p -> ID.equals(p.get("id"))).count());
    }

    @Test
    void aPrioritysWholeNumberIdStaysANumber() {
        Exchange got = template.request("halo:priorities/get", e -> e.getMessage().setHeader(HaloConstants.ID, "1"));
        assertEquals("Critical", got.getMessage().getBody(Map.class).get("name"));
        assertEquals(1L, got.getMessage().getHeader(HaloConstants.ID));
    }

    @Test
    void anAlphanumericIdIsRefusedWhereHaloHasWholeNumbersNamingTheValueAndWhatIsAllowed() {
        sandbox.resetCounters();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("halo:tickets/get", null, HaloConstants.ID, ID));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(cause.getMessage().contains("'" + ID + "'") && cause.getMessage().contains("positive whole number"),
                cause.getMessage());
        assertEquals(0, sandbox.apiRequestCount(), "nothing sent");
    }

    @Test
    void aPriorityIdOutsideLettersDigitsAndHyphensIsRefused() {
        sandbox.resetCounters();
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBodyAndHeader("halo:priorities/get", null, HaloConstants.ID, "A1/../Tickets"));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(cause.getMessage().contains("'A1/../Tickets'")
                && cause.getMessage().contains("letters, digits and hyphens"), cause.getMessage());
        assertEquals(0, sandbox.apiRequestCount(), "nothing sent");
    }

    @Test
    void theIdOptionTakesAPrioritysAlphanumericId() {
        Map<?, ?> got = template.requestBody("halo:priorities/get?id=" + ID, null, Map.class);
        assertEquals("Urgent", got.get("name"));
        Exchange byNumber = template.request("halo:priorities/get?id=1", e -> {
        });
        assertEquals(1L, byNumber.getMessage().getHeader(HaloConstants.ID), "a whole number stays a number");
    }

    @Test
    void theIdOptionRefusesWhatTheResourcesIdsCannotBeWhenTheEndpointIsCreated() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> halo.context().getEndpoint("halo:priorities/get?id=A1_B2"));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("'A1_B2'") && message.contains("option id")
                && message.contains("letters, digits and hyphens"), message);

        e = assertThrows(ResolveEndpointFailedException.class,
                () -> halo.context().getEndpoint("halo:tickets/get?id=" + ID));
        message = e.getCause().getMessage();
        assertTrue(message.contains("'" + ID + "'") && message.contains("positive whole number"), message);
    }

    private Map<String, Object> priority() {
        return sandbox.records("priorities").stream().filter(p -> ID.equals(p.get("id"))).findFirst().orElseThrow();
    }
}
