package io.camelhalo.examples.onboarding;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerCsvTest {

    @Test
    void readsColumnsInAnyOrderWithQuotesAndWindowsLineEnds() {
        CustomerCsv.Parsed parsed = CustomerCsv.parse(
                "user_email,client_name,site_name,user_name,website\r\n"
                                                      + "\"a@x.example\",\"X Ltd\",HQ,Ann,x.example\r\n\r\n"
                                                      + "b@y.example,Y Ltd,Main,Bob,\r\n");
        assertEquals(List.of(new CustomerRow(2, "X Ltd", "x.example", "HQ", "Ann", "a@x.example"),
                new CustomerRow(4, "Y Ltd", "", "Main", "Bob", "b@y.example")), parsed.rows());
        assertEquals(List.of(), parsed.errors());
    }

    @Test
    void aQuotedValueMayHoldCommasQuotesAndLineBreaks() {
        CustomerCsv.Parsed parsed = CustomerCsv.parse(
                "client_name,website,site_name,user_name,user_email\n"
                                                      + "\"Wayne, Enterprises\",wayne.example,\"Tower \"\"A\"\"\",\"Bruce\nWayne\",b@wayne.example\n"
                                                      + "Next Ltd,next.example,HQ,Nia,n@next.example\n");
        assertEquals(List.of(new CustomerRow(
                2, "Wayne, Enterprises", "wayne.example", "Tower \"A\"", "Bruce\nWayne",
                "b@wayne.example"), new CustomerRow(4, "Next Ltd", "next.example", "HQ", "Nia", "n@next.example")),
                parsed.rows(), "the second record starts on line 4: the first spans two lines");
    }

    @Test
    void badLinesAreReportedByLineNumberAndTheOthersKept() {
        CustomerCsv.Parsed parsed = CustomerCsv.parse("client_name,website,site_name,user_name,user_email\n"
                                                      + "A,,S,U,u@a.example\n"
                                                      + "B,,S,U\n"
                                                      + "C,,S,U,not-an-email\n"
                                                      + "D,,,U,u@d.example\n");
        assertEquals(1, parsed.rows().size());
        assertEquals(3, parsed.errors().size());
        assertTrue(parsed.errors().get(0).startsWith("line 3: expected 5 values, found 4: B,,S,U"));
        assertTrue(parsed.errors().get(1).startsWith("line 4: user_email 'not-an-email'"));
        assertTrue(parsed.errors().get(2).startsWith("line 5: empty [site_name]"));
    }

    @Test
    void aHeaderWithoutARequiredColumnRefusesTheWholeFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerCsv.parse("client_name,site_name,user_name,website\nA,S,U,\n"));
        assertTrue(e.getMessage().startsWith("line 1: missing column(s) [user_email]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomerCsv.parse(""));
    }
}
