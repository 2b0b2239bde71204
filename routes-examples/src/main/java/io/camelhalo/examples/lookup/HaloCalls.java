package io.camelhalo.examples.lookup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelhalo.component.halo.HaloConstants;
import io.camelhalo.component.halo.error.HaloNotFoundException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The Halo calls the example beans make, each one a {@code halo:<resource>/<operation>} endpoint, so beans get the
 * component's auth, paging and error handling and never talk HTTP themselves.
 */
public class HaloCalls {

    private final ProducerTemplate template;

    public HaloCalls(CamelContext context) {
        this.template = context.createProducerTemplate();
    }

    /** All records of a resource that match Halo's own query parameters (e.g. {@code search}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String resource, Map<String, Object> query) {
        return template.requestBodyAndHeader("halo:" + resource + "/list", null, HaloConstants.QUERY,
                new HashMap<>(query), List.class);
    }

    /** One record, or {@code null} when Halo answers 404 (deleted or never existed). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getOrNull(String resource, long id) {
        try {
            return template.requestBodyAndHeader("halo:" + resource + "/get", null, HaloConstants.ID, id, Map.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof HaloNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    /** Creates one record and returns it as Halo saved it (with its id). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> create(String resource, Map<String, Object> record) {
        return template.requestBody("halo:" + resource + "/create", record, Map.class);
    }

    /** Changes only the fields given; {@code changes} carries the record's {@code id}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> update(String resource, Map<String, Object> changes) {
        return template.requestBody("halo:" + resource + "/update", changes, Map.class);
    }

    /** A record's id as a long (Halo sends numbers, sometimes as text). */
    public static Long id(Map<String, Object> record, String field) {
        Object v = record == null ? null : record.get(field);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null || v.toString().isBlank() ? null : Long.valueOf(v.toString().trim());
    }
}
