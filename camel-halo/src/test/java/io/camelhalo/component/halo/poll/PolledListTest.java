package io.camelhalo.component.halo.poll;

import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.apipath.HaloApiPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What halo-poll:api reads a list by, as Halo's API description says (the shipped index of it). */
class PolledListTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SalesOrder, last_update_time, NEWEST_FIRST, true",
            "/purchaseorder, last_update_time, NEWEST_FIRST, true",
            "RecurringInvoice, last_modified, NEWEST_FIRST, true",
            "Currency, last_updated, FULL_SCAN, false",
            "Appointment/Booking, last_modified, FULL_SCAN, false",
            "IntegrationConfiguration, last_update, FULL_SCAN, false" })
    void theDescriptionChoosesTheFieldAndHowChangesAreFound(
            String path, String field, ChangeDetection detection, boolean sorts) {
        PolledList list = PolledList.of(HaloApiPaths.get().listPath(path), null, "id");
        assertEquals(field, list.lastModifiedField());
        assertEquals(detection, list.detection());
        assertEquals(sorts, list.sorts());
        assertTrue(list.name().startsWith("api/"), list.name());
    }

    @Test
    void aListThatDeclaresTheUpdatedSinceFilterIsFilteredWithTheFieldGiven() {
        PolledList book = PolledList.of(HaloApiPaths.get().listPath("EmailAddressBook"), "last_update", "id");
        assertEquals(ChangeDetection.UPDATED_SINCE_FILTER, book.detection());
        assertEquals("api/EmailAddressBook", book.name());
        assertTrue(book.hidesInactiveRecords(), "includeinactive is declared: a deactivation is a change too");
        assertNull(book.byId(), "the description has no GET /EmailAddressBook/{id}");
        assertNotNull(PolledList.of(HaloApiPaths.get().listPath("SalesOrder"), null, "id").byId());
    }

    @Test
    void theIndexNamesTheResourceTablesFieldForEveryPollableResource() {
        // one rule for both: the 22's last-modified fields are what the description's rule finds for their paths
        for (HaloResource r : HaloResource.values()) {
            if (r.pollable()) {
                assertEquals(r.lastModifiedField(), HaloApiPaths.get().listPath(r.path()).lastModifiedField(),
                        r.uriName());
            }
        }
    }
}
