package io.camelhalo.email;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {

    @Test
    void controlCharactersAreEscapedAndTheLineIsBounded() {
        assertEquals("a\\r\\nINFO forged\\tx\\u001b[31m\\u2028\\\\", LogText.escape("a\r\nINFO forged\tx\u001b[31m\u2028\\"));
        assertEquals("", LogText.escape(null));
        assertEquals("Printer on floor 2 – jammed", LogText.escape("Printer on floor 2 – jammed"));
        String longLine = LogText.escape("x".repeat(10_000));
        assertTrue(longLine.length() <= LogText.MAX + 3 && longLine.endsWith("..."), longLine);
    }
}
