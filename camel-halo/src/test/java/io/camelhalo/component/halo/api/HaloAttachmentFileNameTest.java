package io.camelhalo.component.halo.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The name of a downloaded file comes from whatever answered the download: only its base name, without control
 * characters, may reach {@code CamelHaloFileName}, whichever form of {@code Content-Disposition} carried it.
 */
class HaloAttachmentFileNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "attachment; filename=\"report.pdf\"                            | report.pdf",
            "attachment; filename=report.pdf                                | report.pdf",
            "attachment; filename=\"../../etc/passwd\"                      | passwd",
            "attachment; filename=../../etc/passwd                          | passwd",
            "attachment; filename=\"/etc/cron.d/job\"                       | job",
            "attachment; filename=\"..\\..\\Windows\\win.ini\"              | win.ini",
            "attachment; filename=\"a\\\\b.txt\"                            | b.txt",
            "attachment; filename=\"semi;colon.txt\"                        | semi;colon.txt",
            "attachment; filename=\"say \\\"hi\\\".txt\"                    | say \"hi\".txt",
            "attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf             | € rates.pdf",
            "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''real.pdf | real.pdf",
            "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd            | passwd",
            "attachment; filename*=UTF-8''..%5C..%5Cboot.ini                | boot.ini",
            "attachment; filename*=UTF-8''evil%0D%0AX-Injected%3A%20yes.txt | evilX-Injected: yes.txt",
            "attachment; FILENAME=\"UPPER.TXT\"                             | UPPER.TXT",
            "attachment; filename*=UTF-8''bad%zz.txt; filename=\"ok.txt\"   | ok.txt",
            "attachment; filename=\"tab\there.txt\"                         | tabhere.txt",
    })
    void keepsTheBaseNameOnly(String header, String expected) {
        // given a Content-Disposition header (\t stands for a real tab), when its file name is read
        String name = HaloAttachment.fileName(header.replace("\\t", "\t"));

        // then only the base name is left, decoded, without control characters
        assertEquals(expected, name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "attachment; filename=\"..\"",
            "attachment; filename=\".\"",
            "attachment; filename=\"../\"",
            "attachment; filename=\"dir/\"",
            "attachment; filename=\"\"",
            "attachment",
            "inline; name=\"x\"",
    })
    void leavesNoNameWhenNothingUsableIsLeft(String header) {
        // given a header whose name is only a path, a dot or nothing; when its file name is read, then there is none
        assertNull(HaloAttachment.fileName(header));
    }

    @Test
    void controlCharactersAnywhereAreDropped() {
        // given a name with a NUL, a newline and a right-to-left override (a format character that disguises names)
        String header = "attachment; filename=\"in\u0000voice\n\u202Egpj.exe\"";

        // when its file name is read, then none of them is left
        assertEquals("invoicegpj.exe", HaloAttachment.fileName(header));
    }
}
