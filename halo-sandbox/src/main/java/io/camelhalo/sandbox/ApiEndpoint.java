package io.camelhalo.sandbox;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Routes an authorised {@code /api/<Path>[/<id>]} request to the store: list, get, create/update and delete, answering
 * as Halo does.
 */
final class ApiEndpoint {

    private final RecordStore store;
    private final ConformanceCheck conformance;
    private final Function<SandboxResource, Set<TenantMode>> modes;
    private final SandboxWebhooks webhooks;
    private final ApiDescription description;
    private final DescribedPathStore described;

    ApiEndpoint(RecordStore store, ConformanceCheck conformance, Function<SandboxResource, Set<TenantMode>> modes,
                SandboxWebhooks webhooks, DescribedPathStore described) {
        this.store = store;
        this.conformance = conformance;
        this.modes = modes;
        this.webhooks = webhooks;
        this.description = ApiDescription.get();
        this.described = described;
    }

    /**
     * @param path   the decoded request path, starting with {@code /api/}
     * @param params query parameters with case-insensitive names (ASP.NET binds them so)
     */
    HttpReply handle(String method, String path, Map<String, String> params, String body) {
        String[] segments = path.substring("/api/".length()).split("/");
        if (segments.length <= 2 && segments[0].equalsIgnoreCase("Webhook")) {
            try {
                return webhooks.handle(method, segments, body);
            } catch (SandboxError e) {
                return e.reply();
            }
        }
        if (segments.length <= 2 && segments[0].equalsIgnoreCase("WebhookEvent")) {
            try {
                return webhooks.handleEvents(method, segments, params);
            } catch (SandboxError e) {
                return e.reply();
            }
        }
        SandboxResource r = segments.length == 0 ? null : SandboxResource.byPath(segments[0]).orElse(null);
        String apiPath = path.substring("/api".length());
        String template = description.template(apiPath).orElse(null);
        if (r == null || segments.length > 2 || !servedBy(r, template)) {
            // any other path of Halo's description: the generic store
            if (template == null) {
                return noRoute(path);
            }
            try {
                return described.handle(method, template, apiPath, params, body);
            } catch (SandboxError e) {
                return e.reply();
            }
        }
        String rawId = segments.length == 2 ? segments[1] : null;
        try {
            switch (method) {
                case "GET":
                    return rawId == null
                            ? json(r, 200, ListQuery.run(r, store.all(r), params, modes.apply(r)))
                            : getOne(r, parseId(r, rawId), params);
                case "POST":
                    return rawId == null ? save(r, path.substring("/api".length()), body) : notAllowed(method);
                case "DELETE":
                    return rawId == null ? notAllowed(method) : delete(r, parseId(r, rawId), params);
                default:
                    return notAllowed(method);
            }
        } catch (SandboxError e) {
            return e.reply();
        }
    }

    /** Whether the template is one the resource's own store serves: {@code /<Path>} or {@code /<Path>/{id}}. */
    private static boolean servedBy(SandboxResource r, String template) {
        return template == null || template.equalsIgnoreCase("/" + r.path())
                || template.equalsIgnoreCase("/" + r.path() + "/{id}");
    }

    private HttpReply getOne(SandboxResource r, long id, Map<String, String> params) throws SandboxError {
        // includedetails=true asks Halo for the full record: the sandbox always returns it whole
        Map<String, Object> rec = store.get(r, ticketIdFor(r, params), id);
        if (rec == null && r == SandboxResource.TICKETS && modes.apply(r).contains(TenantMode.TICKET_PATH_SERVES_PROJECTS)) {
            rec = store.get(SandboxResource.PROJECTS, 0, id);
            if (rec == null) {
                rec = store.get(SandboxResource.OPPORTUNITIES, 0, id);
            }
        }
        if (rec == null) {
            throw SandboxError.notFound("Record not found");
        }
        if (r == SandboxResource.ATTACHMENTS && modes.apply(r).contains(TenantMode.ATTACHMENT_GET_ANSWERS_BYTES)) {
            return fileOf(rec);
        }
        return json(r, 200, rec);
    }

    private HttpReply delete(SandboxResource r, long id, Map<String, String> params) throws SandboxError {
        // tickets take an optional reason: accepted and ignored; related actions are not cascaded
        long ticketId = ticketIdFor(r, params);
        Map<String, Object> was = store.get(r, ticketId, id);
        if (!store.remove(r, ticketId, id)) {
            throw SandboxError.notFound("Record not found");
        }
        if (was != null) {
            webhooks.deleted(r, was);
        }
        return HttpReply.empty(200);
    }

    private HttpReply save(SandboxResource r, String apiPath, String body) throws SandboxError {
        Object parsed;
        try {
            parsed = HttpReply.JSON.readValue(body, Object.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw SandboxError.badRequest("The request body is not valid JSON");
        }
        List<?> elements;
        if (parsed instanceof List<?> list) {
            elements = list;
        } else if (parsed instanceof Map) {
            elements = List.of(parsed); // Halo documents arrays; a lone object is taken as one (verify)
        } else {
            throw SandboxError.badRequest("The request body must be a JSON array of records");
        }
        // fields outside the body schema are dropped, as Halo's deserialiser drops them
        List<Object> known = new ArrayList<>();
        for (Object element : elements) {
            known.add(element instanceof Map<?, ?> m ? conformance.knownFields(apiPath, asFields(m)) : element);
        }
        List<Map<String, Object>> before = new ArrayList<>();
        for (Object element : known) {
            before.add(element instanceof Map<?, ?> m ? existing(r, m) : null);
        }
        List<Map<String, Object>> saved = store.save(r, known);
        webhooks.written(r, before, saved);
        // 201 with the saved object for one element, an array for several (Halo may say 200: verify)
        return json(r, 201, saved.size() == 1 ? saved.get(0) : saved);
    }

    /** The stored record a body element updates, or {@code null} when it creates one (for the webhook events). */
    private Map<String, Object> existing(SandboxResource r, Map<?, ?> element) {
        Long id = number(element.get("id"));
        if (id == null || id <= 0) {
            return null;
        }
        Long ticketId = number(element.get("ticket_id"));
        return store.get(r, r.keyedByTicket() && ticketId != null ? ticketId : 0, id);
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? null : Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A JSON reply about the resource, its timestamps written as the timestamp modes on for it say. */
    private HttpReply json(SandboxResource r, int status, Object value) {
        return HttpReply.json(status, HaloTime.restyle(value, modes.apply(r)));
    }

    /** An attachment's download: its bytes, content type and file name. */
    private static HttpReply fileOf(Map<String, Object> rec) {
        Object data = rec.get("data_base64");
        byte[] bytes = data instanceof String b64 ? Base64.getDecoder().decode(b64) : new byte[0];
        Object type = rec.get("content_type");
        String filename = String.valueOf(rec.get("filename")).replace("\"", "");
        return new HttpReply(200, type == null ? "application/octet-stream" : type.toString(), bytes, Map.of())
                .withHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asFields(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** Actions are keyed by (ticket_id, id): their get and delete need the ticket. */
    private static long ticketIdFor(SandboxResource r, Map<String, String> params) throws SandboxError {
        if (!r.keyedByTicket()) {
            return 0;
        }
        Long ticketId = RecordStore.asLong(params.get("ticket_id"));
        if (ticketId == null) {
            throw SandboxError.badRequest("ticket_id is required");
        }
        return ticketId;
    }

    /** A whole-number id, or for a resource with text ids the key of the record stored with that text id. */
    private long parseId(SandboxResource r, String raw) throws SandboxError {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            Long key = r.textIds() ? store.textKey(r, raw) : null;
            if (key != null) {
                return key;
            }
            if (r.textIds()) {
                throw SandboxError.notFound("Record not found");
            }
            throw SandboxError.badRequest("The value '" + raw + "' is not valid for id.");
        }
    }

    /** ASP.NET Web API's own reply for a URL no controller serves. */
    static HttpReply noRoute(String path) {
        return HttpReply.json(404, Map.of("Message",
                "No HTTP resource was found that matches the request URI '" + path + "'."));
    }

    private static HttpReply notAllowed(String method) {
        return HttpReply.json(405, Map.of("Message",
                "The requested resource does not support http method '" + method + "'."));
    }
}
