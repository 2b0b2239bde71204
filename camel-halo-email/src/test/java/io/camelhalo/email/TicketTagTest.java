package io.camelhalo.email;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketTagTest {

    private final TicketTag halo = new TicketTag("[ID:", "]");

    @Test
    void findsHalosDefaultTagAnywhereInTheSubject() {
        assertEquals(Optional.of(12345L), halo.find("RE: Printer jammed [ID:12345]"));
        assertEquals(Optional.of(7L), halo.find("[ID:7] Fwd: RE: laptop"));
        assertEquals(Optional.of(42L), halo.find("RE: [ID: 42 ] spaces around the id"));
    }

    @Test
    void acceptsHalosFallbackFormWithASpace() {
        assertEquals(Optional.of(12345L), halo.find("RE: Printer jammed [ID 12345]"));
    }

    @Test
    void takesTheFirstTagWhenAThreadCarriesSeveral() {
        assertEquals(Optional.of(1L), halo.find("RE: [ID:1] merged into [ID:2]"));
    }

    @Test
    void findsNothingInTextWithoutATagOrWithABrokenOne() {
        assertEquals(Optional.empty(), halo.find("New laptop please"));
        assertEquals(Optional.empty(), halo.find("[ID:] no number"));
        assertEquals(Optional.empty(), halo.find("[ID:12a]"));
        assertEquals(Optional.empty(), halo.find("ID:12345 without brackets"));
        assertEquals(Optional.empty(), halo.find(null));
    }

    @Test
    void aNumberThatIsNoValidIdIsNoTag() {
        assertEquals(Optional.empty(), halo.find("RE: [ID:99999999999999999999]"), "20 digits: no id, no exception");
        assertEquals(Optional.empty(), halo.find("RE: [ID:" + "9".repeat(500) + "]"));
        assertEquals(Optional.empty(), halo.find("RE: [ID 99999999999999999999]"), "the fallback form too");
        assertEquals(Optional.empty(), halo.find("RE: [ID:0]"), "ids are positive");
        assertEquals(Optional.of(999999999999999999L), halo.find("RE: [ID:999999999999999999]"), "18 digits is an id");
        assertEquals(Optional.of(5L), halo.find("[ID:99999999999999999999] was [ID:5]"), "the first valid tag counts");
    }

    @Test
    void usesATenantsOwnStartAndEndTagsLiterally() {
        TicketTag custom = new TicketTag("{Ticket #", "}");
        assertEquals(Optional.of(99L), custom.find("About {Ticket #99}"));
        assertEquals(Optional.empty(), custom.find("About {Ticket #99"), "the end tag is required");
        TicketTag regexChars = new TicketTag("(REF.", ")");
        assertEquals(Optional.of(5L), regexChars.find("re (REF.5)"));
        assertEquals(Optional.empty(), regexChars.find("re (REFx5)"), "start tag is literal text, not a pattern");
    }

    @Test
    void formatsTheTagAsHaloWritesIt() {
        assertEquals("[ID:12345]", TicketTag.format("[ID:", "]", 12345));
    }

    @Test
    void refusesAnEmptyStartTag() {
        assertThrows(IllegalArgumentException.class, () -> new TicketTag("", "]"));
    }
}
