package io.camelhalo.component.halo.apipath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.HaloSandboxExtension;
import io.camelhalo.component.halo.error.HaloApiException;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import io.camelhalo.sandbox.RecordedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** halo-api against the sandbox: any path, checked before it runs, paged, written as Halo's description says. */
class HaloApiTest {

    @RegisterExtension
    final HaloSandboxExtension halo = HaloSandboxExtension.perTest();

    private List<RecordedRequest> requests(String method, String pathStart) {
        return halo.apiRequests().stream()
                .filter(r -> r.method().equals(method) && r.path().toLowerCase().startsWith(pathStart.toLowerCase()))
                .toList();
    }

    private IllegalArgumentException refused(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> halo.context().getEndpoint(uri));
        return assertInstanceOf(IllegalArgumentException.class, e.getCause(), uri);
    }

    @Test
    void aMisspelledPathMethodOrParameterStopsTheRouteWithADidYouMean() {
        assertEquals("Halo's API has no path 'Timesheeet'. Did you mean '/Timesheet'? Paths are written as in Halo's "
                     + "API description, e.g. Timesheet or Timesheet/{id} (see halo-api-component.adoc for the list)",
                refused("halo-api:Timesheeet").getMessage());
        assertEquals("Halo's API has no DELETE /Timesheet. Declared there: GET, POST",
                refused("halo-api:Timesheet?method=DELETE").getMessage());
        String query = refused("halo-api:TimesheetEvent?query.agentid=3").getMessage();
        assertTrue(query.startsWith("Halo does not know query parameter 'agentid' (query.agentid) on GET /TimesheetEvent:"
                                    + " it would be ignored and the filter silently lost. Did you mean 'agent_id'?"),
                query);
        String param = refused("halo-api:Timesheet/{id}?pathParam.ids=3").getMessage();
        assertTrue(
                param.startsWith("Path parameter 'ids' (pathParam.ids) is not one of GET /Timesheet/{id}. Did you mean 'id'?"),
                param);
        assertEquals("Invalid value 'abc' for path parameter {id} of GET /Timesheet/{id} in the URI path: Halo declares "
                     + "it a whole number",
                refused("halo-api:Timesheet/abc").getMessage());
        assertTrue(refused("halo-api:PurchaseOrder?query.page_no=2").getMessage().contains("paging=false"));
        // and nothing was sent
        assertEquals(0, halo.apiRequestCount());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordOfAnyPathIsCreatedAsAnArrayReadAndDeleted() throws Exception {
        // when a route creates one timesheet event (Halo's description: an array of TimesheetEvent)
        Map<String, Object> created = halo.template().requestBody("halo-api:TimesheetEvent?method=POST",
                Map.of("subject", "Stand-up", "agent_id", 3), Map.class);
        // then Halo received an array of one, and the reply is the record with its id
        assertEquals(List.of(Map.of("subject", "Stand-up", "agent_id", 3)),
                new ObjectMapper().readValue(requests("POST", "/api/TimesheetEvent").get(0).body(), List.class));
        Object id = created.get("id");
        assertNotNull(id);

        // when it is read by id (header CamelHaloId fills {id}) and deleted through pathParams
        Map<String, Object> read = halo.template().requestBodyAndHeader("halo-api:TimesheetEvent/{id}", null,
                HaloApiConstants.ID, id, Map.class);
        assertEquals("Stand-up", read.get("subject"));
        halo.template().requestBodyAndHeader("halo-api:TimesheetEvent/{id}?method=DELETE", null,
                HaloApiConstants.PATH_PARAMS, Map.of("id", id));

        // then it is gone: Halo's 404 is the halo component's HaloNotFoundException
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> halo.template().requestBody("halo-api:TimesheetEvent/" + id, (Object) null));
        assertInstanceOf(HaloNotFoundException.class, e.getCause());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPagedListIsReadAcrossItsPagesWithinMaxResults() {
        // given 250 more purchase orders, written in one array POST
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            orders.add(Map.of("po_ref", "PO-" + i));
        }
        halo.template().requestBody("halo-api:PurchaseOrder?method=POST", orders);
        halo.sandbox().resetCounters();

        // when the list is read, then all 251 arrive in three pages of at most 100
        List<Map<String, Object>> all = halo.template().requestBody("halo-api:PurchaseOrder", null, List.class);
        assertEquals(251, all.size());
        List<RecordedRequest> pages = requests("GET", "/api/PurchaseOrder");
        assertEquals(3, pages.size());
        assertTrue(pages.get(2).query().contains("page_no=3") && pages.get(2).query().contains("page_size=100"),
                pages.get(2).query());

        // and maxResults and streamList behave as for the 22 resources
        assertEquals(30, halo.template().requestBody("halo-api:PurchaseOrder?maxResults=30&pageSize=20", null,
                List.class).size());
        Iterator<Map<String, Object>> streamed = halo.template().requestBody(
                "halo-api:PurchaseOrder?streamList=true&pageSize=100", null, Iterator.class);
        int n = 0;
        while (streamed.hasNext()) {
            streamed.next();
            n++;
        }
        assertEquals(251, n);
        // paging=false: one request, Halo's reply as it is
        Map<String, Object> envelope = halo.template().requestBodyAndHeader("halo-api:PurchaseOrder?paging=false",
                null, HaloApiConstants.QUERY, Map.of("pageinate", true, "page_size", 5, "page_no", 2), Map.class);
        assertEquals(251, ((Number) envelope.get("record_count")).intValue());
        assertEquals(5, ((List<?>) envelope.get("purchaseorder")).size());
    }

    @Test
    void aWriteIsNeverRetriedWhileARead() {
        // given a Halo whose reply to the next request is lost after it acted
        halo.sandbox().dropNextReplies(1);
        // when a route creates a timesheet, then the write fails, sent once (it may have reached Halo)
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> halo.template().requestBody("halo-api:Timesheet?method=POST", Map.of("agent_id", 3)));
        assertTrue(assertInstanceOf(HaloApiException.class, e.getCause()).isWritePossiblyApplied());
        assertEquals(1, requests("POST", "/api/Timesheet").size());
        // and a delete likewise
        halo.sandbox().dropNextReplies(1);
        assertThrows(CamelExecutionException.class,
                () -> halo.template().requestBody("halo-api:TimesheetEvent/1?method=DELETE", (Object) null));
        assertEquals(1, requests("DELETE", "/api/TimesheetEvent").size());
        // while a read is retried and answers
        halo.sandbox().dropNextReplies(1);
        assertInstanceOf(List.class, halo.template().requestBody("halo-api:Timesheet", (Object) null));
        assertEquals(2, requests("GET", "/api/Timesheet").size());
    }

    @Test
    void aQueryHeaderIsCheckedBeforeAnythingIsSent() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> halo.template().requestBodyAndHeader("halo-api:TimesheetEvent", null, HaloApiConstants.QUERY,
                        Map.of("start_dat", "2025-01-01")));
        assertTrue(e.getCause().getMessage().contains("Did you mean 'start_date'?"), e.getCause().getMessage());
        assertEquals(0, requests("GET", "/api/TimesheetEvent").size());
        // a declared one is sent
        halo.template().requestBodyAndHeader("halo-api:TimesheetEvent", null, HaloApiConstants.QUERY,
                Map.of("START_DATE", "2025-01-01"));
        assertEquals("start_date=2025-01-01", requests("GET", "/api/TimesheetEvent").get(0).query());
    }

    @Test
    void aYamlRouteReachesAnyPath() throws Exception {
        // given a YAML route, as Camel Main or Karavan loads it
        String yaml = """
                - route:
                    from:
                      uri: direct:timesheets
                      steps:
                        - to:
                            uri: halo-api:Timesheet
                            parameters:
                              method: GET
                """;
        org.apache.camel.support.PluginHelper.getRoutesLoader(halo.context())
                .loadRoutes(org.apache.camel.support.ResourceHelper.fromString("timesheets.yaml", yaml));
        // when it runs, then Halo's timesheets are its body
        assertInstanceOf(List.class, halo.template().requestBody("direct:timesheets", (Object) null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void timeEntriesCustomFieldsAndReportDataAreReachedLikeTheTwentyTwoResources() {
        // when a route creates, updates, reads, lists and deletes a time entry with halo-style operations
        Map<String, Object> created = halo.template().requestBody("halo-api:timeentries/create",
                Map.of("subject", "Call", "agent_id", 3), Map.class);
        Object id = created.get("id");
        halo.template().requestBodyAndHeader("halo-api:timeentries/update", Map.of("subject", "Call back"),
                HaloApiConstants.ID, id);
        Map<String, Object> read = halo.template().requestBodyAndHeader("halo-api:timeentries/get", null,
                HaloApiConstants.ID, id, Map.class);
        assertEquals("Call back", read.get("subject"));
        assertEquals(3, ((Number) read.get("agent_id")).intValue(), "update kept the fields not sent");
        Exchange listed = halo.template().request("halo-api:timeentries/list", e -> {
        });
        List<Map<String, Object>> entries = listed.getMessage().getBody(List.class);
        assertTrue(entries.stream().anyMatch(r -> id.equals(r.get("id"))));
        assertEquals(entries.size(), listed.getMessage().getHeader(HaloApiConstants.RECORD_COUNT));
        halo.template().requestBodyAndHeader("halo-api:timeentries/delete", null, HaloApiConstants.ID, id);
        // then Halo saw the requests its description declares, the update as an array carrying the id
        assertEquals(2, requests("POST", "/api/TimesheetEvent").size());
        assertTrue(requests("POST", "/api/TimesheetEvent").get(1).body().startsWith("[{"));
        assertEquals(1, requests("DELETE", "/api/TimesheetEvent/" + id).size());

        // a published report's data by its published id, and the custom field definitions
        assertNotNull(halo.template().requestBodyAndHeader("halo-api:reportdata/get", null, HaloApiConstants.ID, "1"));
        assertInstanceOf(List.class, halo.template().requestBody("halo-api:customfields/list", (Object) null));

        // an operation Halo's description does not have is refused when the route starts
        assertTrue(refused("halo-api:timesheets/delete").getMessage()
                .startsWith("halo-api:timesheets has no operation 'delete'."));
        assertTrue(refused("halo-api:customfields/lst").getMessage().contains("Did you mean 'list'?"));
        // an update without an id fails before anything is sent
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> halo.template().requestBody("halo-api:timeentries/update", Map.of("subject", "x")));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(2, requests("POST", "/api/TimesheetEvent").size());
    }
}
