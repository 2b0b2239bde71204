package io.camelhalo.component.halo.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The component's one JSON mapper and the conversions between Halo's JSON and Camel message bodies: records are
 * {@code Map<String,Object>}, lists are {@code List<Map<String,Object>>}.
 */
public final class HaloJson {

    /** The mapper: dates as ISO-8601 strings, unknown fields kept (records are maps), empty POJOs allowed. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private static final TypeReference<LinkedHashMap<String, Object>> RECORD = new TypeReference<>() {
    };

    private HaloJson() {
    }

    /** Parses a reply body; throws with the start of the body quoted when it is not JSON. */
    public static Object parse(byte[] body) throws IOException {
        return MAPPER.readValue(body, Object.class);
    }

    /** Serialises records for a POST. */
    public static byte[] write(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Converts a Map or POJO to a record map. */
    public static Map<String, Object> toRecord(Object value) {
        return MAPPER.convertValue(value, RECORD);
    }

    /** A reply that may be one object or an array of them, as a list of records. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> toRecords(Object parsed) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map) {
                    records.add((Map<String, Object>) element);
                }
            }
        } else if (parsed instanceof Map) {
            records.add((Map<String, Object>) parsed);
        }
        return records;
    }
}
