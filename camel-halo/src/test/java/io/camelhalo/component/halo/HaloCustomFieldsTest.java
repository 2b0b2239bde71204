package io.camelhalo.component.halo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.sandbox.HaloSandbox;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Halo replaces a record's whole custom field list on update (as the sandbox does): an update of one custom field must
 * not wipe the others.
 */
class HaloCustomFieldsTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private HaloSandbox sandbox;
    private ProducerTemplate template;
    private long ticketId;

    @BeforeEach
    void start() {
        sandbox = halo.sandbox();
        template = halo.template();
        Map<String, Object> ticket = sandbox.put("tickets", new HashMap<>(
                Map.of("summary", "Laptop", "customfields",
                        List.of(Map.of("id", 101, "name", "CFAssetTag", "value", "LT-1"),
                                Map.of("id", 102, "name", "CFCostCentre", "value", "Sales")))));
        ticketId = ((Number) ticket.get("id")).longValue();
    }

    @Test
    void anUpdateOfOneCustomFieldKeepsTheOthersAtTheCostOfOneRead() {
        // when a route updates one custom field, by id
        int before = sandbox.apiRequestCount();
        template.sendBodyAndHeader("halo:tickets/update",
                Map.of("customfields", List.of(Map.of("id", 102, "value", "Marketing"))), HaloConstants.ID, ticketId);

        // then Halo holds both fields, the one changed, in two requests (read, write)
        assertEquals(Map.of("CFAssetTag", "LT-1", "CFCostCentre", "Marketing"), fields());
        assertEquals(2, sandbox.apiRequestCount() - before);
    }

    @Test
    void aCustomFieldNamedButWithoutIdIsMatchedByName() {
        // when a route updates a field by name, and adds one the record does not have yet
        template.sendBodyAndHeader("halo:tickets/update", Map.of("customfields",
                List.of(Map.of("name", "CFAssetTag", "value", "LT-2"), Map.of("id", 103, "name", "CFSite", "value", "HQ"))),
                HaloConstants.ID, ticketId);

        // then the named field changed and the new one was added, the third kept
        assertEquals(Map.of("CFAssetTag", "LT-2", "CFCostCentre", "Sales", "CFSite", "HQ"), fields());
    }

    @Test
    void mergeCustomFieldsFalseSendsTheListAsGiven() {
        // when a route opts out of the merge
        template.sendBodyAndHeader("halo:tickets/update?mergeCustomFields=false",
                Map.of("customfields", List.of(Map.of("id", 102, "name", "CFCostCentre", "value", "Marketing"))),
                HaloConstants.ID, ticketId);

        // then Halo replaced the list, as Halo does
        assertEquals(Map.of("CFCostCentre", "Marketing"), fields());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields() {
        Map<String, Object> byName = new HashMap<>();
        ((List<Map<String, Object>>) sandbox.record("tickets", ticketId).get("customfields"))
                .forEach(f -> byName.put(String.valueOf(f.get("name")), f.get("value")));
        return byName;
    }
}
