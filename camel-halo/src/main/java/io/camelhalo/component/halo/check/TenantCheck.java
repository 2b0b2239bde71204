package io.camelhalo.component.halo.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelhalo.component.halo.api.ChangeDetection;
import io.camelhalo.component.halo.api.HaloOperation;
import io.camelhalo.component.halo.api.HaloResource;
import io.camelhalo.component.halo.api.HaloTimestamps;

import static io.camelhalo.component.halo.check.TenantFinding.Verdict.CONFIRMED;
import static io.camelhalo.component.halo.check.TenantFinding.Verdict.CONTRADICTED;
import static io.camelhalo.component.halo.check.TenantFinding.Verdict.UNKNOWN;

/**
 * Checks, read-only, the facts about Halo that docs/HALO-FACTS.md marks unverified, on one tenant: for each resource
 * with a last-modified field, one to three pages of its list (envelope, last-modified in list items, timestamp format,
 * whether the sort key is accepted and honoured, whether {@code lastupdatefromdate} reduces {@code record_count},
 * {@code record_count}, inactive records), one attachment download, and its webhooks: their authentication types,
 * events and payload types, and whether halo-webhook's parser reads each delivery in the tenant's log. It talks HTTP
 * itself (JDK client, Jackson), not through the component, so a wrong assumption in the component cannot hide a wrong
 * fact. Only the token request is a POST. It ends with what to set for the tenant ({@link #options}).
 */
public final class TenantCheck {

    /** Records per page read: enough to see an order, small enough to cost little. */
    static final int PAGE_SIZE = 50;
    /** As the component expects them: no offset, milliseconds (or more) of fraction. */
    private static final Pattern EXPECTED_STAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3,7}");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SLIM_ITEMS = "last-modified in list items";
    static final String SORT_ACCEPTED = "sort key accepted";
    static final String ORDER_HONOURED = "order honoured";
    static final String FILTER_HONOURED = "lastupdatefromdate filters";

    private final String baseUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String accessToken;

    /**
     * @param baseUrl the tenant, e.g. {@code https://acme.haloitsm.com} (without {@code /api})
     * @param tenant  the hosted tenant name for {@code ?tenant=}, or {@code null}
     */
    public TenantCheck(String baseUrl, String tenant, String clientId, String clientSecret, String scope) {
        this.baseUrl = stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.tokenUrl = this.baseUrl + "/auth/token"
                        + (tenant == null || tenant.isBlank() ? "" : "?tenant=" + enc(tenant.trim()));
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scope = scope == null || scope.isBlank() ? "all" : scope;
    }

    /** Runs every check; fails only when the tenant cannot be reached or refuses the credentials. */
    public List<TenantFinding> run() throws IOException, InterruptedException {
        accessToken = token();
        List<TenantFinding> findings = new ArrayList<>();
        for (HaloResource r : HaloResource.values()) {
            // actions and attachments are listed per ticket only: not checked here
            if (r.lastModifiedField() != null && !r.needsTicketId(HaloOperation.LIST)) {
                check(r, findings);
            }
        }
        findings.add(attachmentDownload());
        findings.addAll(webhooks());
        return findings;
    }

    /**
     * The tenant's webhooks ({@code GET /Webhook}) and its delivery log ({@code GET /WebhookEvent}), each stored body
     * through halo-webhook's parser ({@link WebhookCheck}). Both need the scope {@code admin:webhooks}; without it the
     * findings say so and the rest of the check stands.
     */
    private List<TenantFinding> webhooks() throws IOException, InterruptedException {
        List<TenantFinding> findings = new ArrayList<>();
        HttpResponse<String> list = get("/api/Webhook");
        findings.addAll(WebhookCheck.webhooks(list.statusCode(), json(list)));
        HttpResponse<String> log = get("/api/WebhookEvent?count=" + WebhookCheck.LOG_ENTRIES);
        findings.addAll(WebhookCheck.deliveryLog(log.statusCode(), json(log)));
        return findings;
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> reply) {
        try {
            return reply.statusCode() == 200 ? JSON.readTree(reply.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void check(HaloResource r, List<TenantFinding> out) throws IOException, InterruptedException {
        String field = r.lastModifiedField();
        String name = r.uriName();
        JsonNode desc;
        boolean sortAccepted = true;
        if (r.paginated()) {
            HttpResponse<String> sortedReply = get("/api/" + r.path() + pageQuery(field, true, 1));
            sortAccepted = sortedReply.statusCode() != 400;
            out.add(new TenantFinding(
                    name, SORT_ACCEPTED, sortAccepted ? CONFIRMED : CONTRADICTED,
                    sortAccepted ? "order=" + field + " accepted" : "HTTP 400 to order=" + field,
                    sortAccepted
                            ? "" : "none: halo-poll:" + name + " reads the list unsorted" + (r.changeDetection()
                                                                                             == ChangeDetection.NEWEST_FIRST
                                                                                                     ? ", every page on each poll"
                                                                                                     : "")));
            desc = sortAccepted
                    ? checked(r, sortedReply)
                    : list(r, "?pageinate=true&page_size=" + PAGE_SIZE + "&page_no=1");
        } else {
            desc = list(r, "");
        }
        JsonNode items = records(r, desc);
        if (items == null) {
            out.add(new TenantFinding(
                    name, "list envelope", CONTRADICTED,
                    "expected " + (r.listKey() == null ? "a bare array" : "the records under '" + r.listKey() + "'")
                                                         + ", got " + shape(desc),
                    "the component cannot read this list: report the reply shape (HaloResource list key)"));
            return;
        }
        out.add(new TenantFinding(
                name, "list envelope", CONFIRMED,
                r.listKey() == null ? "bare array" : "records under '" + r.listKey() + "'", ""));
        if (items.isEmpty()) {
            out.add(new TenantFinding(name, "last-modified in list items", UNKNOWN, "the list is empty", ""));
            return;
        }
        List<String> stamps = new ArrayList<>();
        items.forEach(i -> stamps.add(i.hasNonNull(field) ? i.get(field).asText() : null));
        long missing = stamps.stream().filter(Objects::isNull).count();
        if (missing > 0) {
            out.add(new TenantFinding(
                    name, SLIM_ITEMS, CONTRADICTED,
                    missing + " of " + stamps.size() + " list items have no '" + field + "'",
                    r.paginated()
                            ? "none: halo-poll:" + name + " reads each changed record by id (it sweeps where the list "
                              + "neither filters nor sorts: see the options)"
                            : "see the options: halo-poll:" + name + " sweeps the list, sweepSize records by id a poll"));
        } else {
            out.add(new TenantFinding(name, SLIM_ITEMS, CONFIRMED, "'" + field + "' in every item", ""));
        }
        List<String> present = stamps.stream().filter(Objects::nonNull).toList();
        if (!present.isEmpty()) {
            out.add(timestamps(name, present));
        }
        if (r.paginated() && sortAccepted) {
            out.add(order(r, present));
            out.add(recordCount(r, desc));
        }
        if (r.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER) {
            out.add(updatedFilter(r, desc));
        }
        if (r.hidesInactiveRecords()) {
            out.add(inactiveListed(r, items, desc));
        }
    }

    /**
     * Whether {@code lastupdatefromdate} filters the list: asked from a day ahead of now, a list that filters answers a
     * lower {@code record_count} (none changed in the future) than without it.
     */
    private TenantFinding updatedFilter(HaloResource r, JsonNode firstPage) throws IOException, InterruptedException {
        String name = r.uriName();
        long without = firstPage.path("record_count").asLong(-1);
        if (without <= 0) {
            return new TenantFinding(name, FILTER_HONOURED, UNKNOWN, "no record_count above 0 to compare", "");
        }
        String tomorrow = HaloTimestamps.format(Instant.now().plus(Duration.ofDays(1)));
        long with = list(r, "?pageinate=true&page_size=1&page_no=1&lastupdatefromdate=" + enc(tomorrow))
                .path("record_count").asLong(-1);
        if (with >= 0 && with < without) {
            return new TenantFinding(
                    name, FILTER_HONOURED, CONFIRMED,
                    "record_count " + without + ", from tomorrow " + with, "");
        }
        return new TenantFinding(
                name, FILTER_HONOURED, CONTRADICTED,
                "record_count " + without + ", from tomorrow " + with,
                "none: halo-poll:" + name + " reads the list newest first and stops at the first older record");
    }

    /**
     * Whether a list includes inactive records (the component sends {@code includeinactive=true} where the description
     * declares it, so either answer is read in full): seen directly when the first page holds one, else by comparing
     * {@code record_count} with and without the parameter.
     */
    private TenantFinding inactiveListed(HaloResource r, JsonNode items, JsonNode firstPage)
            throws IOException, InterruptedException {
        String name = r.uriName();
        for (JsonNode item : items) {
            if (item.path("inactive").asBoolean(false)) {
                return new TenantFinding(name, "inactive records listed", CONFIRMED, "the list holds inactive records", "");
            }
        }
        JsonNode all = list(r, "?pageinate=true&page_size=1&page_no=1&includeinactive=true");
        long without = firstPage.path("record_count").asLong(-1);
        long with = all.path("record_count").asLong(-1);
        if (without >= 0 && with > without) {
            return new TenantFinding(
                    name, "inactive records listed", CONTRADICTED,
                    "record_count " + without + ", with includeinactive=true " + with,
                    "none: halo-poll and the look-ups send includeinactive=true");
        }
        return new TenantFinding(name, "inactive records listed", UNKNOWN, "no inactive record seen", "");
    }

    /**
     * What {@code GET /Attachment/{id}} answers: the file's bytes or a JSON record. {@code attachments/get} returns
     * either (the bytes as the body with the name and type in headers, a record as a record), so neither contradicts
     * it.
     */
    private TenantFinding attachmentDownload() throws IOException, InterruptedException {
        JsonNode tickets = records(HaloResource.TICKETS, list(HaloResource.TICKETS, "?pageinate=true&page_size=5&page_no=1"));
        for (JsonNode ticket : tickets == null ? JSON.createArrayNode() : tickets) {
            JsonNode attachments = records(HaloResource.ATTACHMENTS,
                    list(HaloResource.ATTACHMENTS, "?ticket_id=" + ticket.path("id").asLong()));
            if (attachments != null && !attachments.isEmpty()) {
                long id = attachments.get(0).path("id").asLong();
                String type = contentType("/api/" + HaloResource.ATTACHMENTS.path() + "/" + id);
                if (type.toLowerCase(Locale.ROOT).contains("json")) {
                    return new TenantFinding(
                            "attachments", "download", CONFIRMED,
                            "GET /Attachment/" + id + " answers a JSON record (content type " + type
                                                                  + "): attachments/get returns it as a record",
                            "");
                }
                return new TenantFinding(
                        "attachments", "download", CONFIRMED,
                        "GET /Attachment/" + id + " answers the file (content type " + type
                                                              + "): attachments/get returns its bytes",
                        "");
            }
        }
        return new TenantFinding(
                "attachments", "download", UNKNOWN,
                "no attachment on the first tickets listed", "");
    }

    private String contentType(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        HttpResponse<InputStream> reply = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = reply.body()) {
            if (reply.statusCode() != 200) {
                throw new IOException("GET " + path + " answered HTTP " + reply.statusCode());
            }
            return reply.headers().firstValue("Content-Type").orElse("none");
        }
    }

    private static TenantFinding timestamps(String name, List<String> stamps) {
        for (String s : stamps) {
            if (HaloTimestamps.parse(s) == null) {
                return new TenantFinding(
                        name, "timestamp format", CONTRADICTED, "unreadable: " + s,
                        "the component cannot read this tenant's stamps: report the format (HaloTimestamps)");
            }
        }
        String sample = stamps.get(0);
        if (stamps.stream().anyMatch(s -> HAS_OFFSET.matcher(s).matches())) {
            return new TenantFinding(
                    name, "timestamp format", CONTRADICTED, "with an offset, e.g. " + sample,
                    "none needed: the component reads offsets");
        }
        if (stamps.stream().allMatch(s -> EXPECTED_STAMP.matcher(s).matches())) {
            return new TenantFinding(name, "timestamp format", CONFIRMED, "no offset, with a fraction, e.g. " + sample, "");
        }
        return new TenantFinding(
                name, "timestamp format", CONTRADICTED, "whole seconds, e.g. " + sample,
                "a change in the second a route starts may be missed; no setting works around it yet");
    }

    private TenantFinding order(HaloResource r, List<String> descStamps) throws IOException, InterruptedException {
        String name = r.uriName();
        String field = r.lastModifiedField();
        List<Instant> desc = instants(descStamps);
        JsonNode ascItems = records(r, list(r, pageQuery(field, false, 1)));
        List<Instant> asc = new ArrayList<>();
        if (ascItems != null) {
            ascItems.forEach(i -> asc.add(i.hasNonNull(field) ? HaloTimestamps.parse(i.get(field).asText()) : null));
        }
        if (desc.size() < 2 || desc.stream().distinct().count() < 2 || asc.contains(null)) {
            return new TenantFinding(
                    name, ORDER_HONOURED, UNKNOWN,
                    "too few records with distinct '" + field + "' values in the first page to tell", "");
        }
        boolean descSorted = sorted(desc, true);
        boolean ascSorted = sorted(asc, false);
        if (descSorted && ascSorted) {
            return new TenantFinding(name, ORDER_HONOURED, CONFIRMED, "order=" + field + " sorts both ways", "");
        }
        return new TenantFinding(
                name, ORDER_HONOURED, CONTRADICTED,
                "order=" + field + (descSorted ? "" : "&orderdesc=true") + " answered an unsorted page",
                r.changeDetection() == ChangeDetection.NEWEST_FIRST
                        ? "none: halo-poll:" + name + " detects it and reads every page on each poll"
                        : "none for halo-poll: with lastupdatefromdate it reads every page");
    }

    private TenantFinding recordCount(HaloResource r, JsonNode firstPage)
            throws IOException, InterruptedException {
        String name = r.uriName();
        JsonNode count = firstPage.isObject() ? firstPage.get("record_count") : null;
        if (count == null || !count.isNumber()) {
            return new TenantFinding(name, "record_count exact", UNKNOWN, "the reply has no record_count", "");
        }
        long promised = count.asLong();
        long lastPage = Math.max(1, (promised + PAGE_SIZE - 1) / PAGE_SIZE);
        JsonNode last = lastPage == 1 ? firstPage : list(r, pageQuery(r.lastModifiedField(), true, lastPage));
        JsonNode lastItems = records(r, last);
        long counted = (lastPage - 1) * PAGE_SIZE + (lastItems == null ? 0 : lastItems.size());
        boolean more = false;
        if (lastItems != null && lastItems.size() == PAGE_SIZE) {
            // a full last page: Halo repeats it past the end, so a different next page means more records
            JsonNode next = records(r, list(r, pageQuery(r.lastModifiedField(), true, lastPage + 1)));
            more = next != null && !next.isEmpty() && !next.get(0).path("id").equals(lastItems.get(0).path("id"));
        }
        if (counted == promised && !more) {
            return new TenantFinding(
                    name, "record_count exact", CONFIRMED,
                    "record_count " + promised + " matches the pages", "");
        }
        return new TenantFinding(
                name, "record_count exact", CONTRADICTED,
                "record_count " + promised + ", the pages hold " + (more ? "more than " : "") + counted,
                "list and poll may stop early at record_count; no setting works around it yet");
    }

    private static boolean sorted(List<Instant> values, boolean descending) {
        for (int i = 1; i < values.size(); i++) {
            int c = values.get(i - 1).compareTo(values.get(i));
            if (descending ? c < 0 : c > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Instant> instants(List<String> stamps) {
        return stamps.stream().map(HaloTimestamps::parse).filter(Objects::nonNull).toList();
    }

    private static String pageQuery(String field, boolean descending, long pageNo) {
        return "?pageinate=true&page_size=" + PAGE_SIZE + "&page_no=" + pageNo + "&order=" + enc(field)
               + "&orderdesc=" + descending;
    }

    /**
     * What to set for the tenant the findings describe, one line each; a single "none" line when the defaults fit.
     * Every fact the check measures is one halo-poll detects and adapts to at run time; one combination costs latency
     * the user should choose: list items without the last-modified field on a list that neither filters by
     * {@code lastupdatefromdate} nor sorts by it, or on an unpaged list, where halo-poll sweeps ({@code sweepSize}
     * records by id a poll): set {@code sweepSize} for the latency wanted, or use halo-webhook with halo-poll as its
     * safety net.
     */
    public static List<String> options(List<TenantFinding> findings) {
        List<String> options = new ArrayList<>();
        for (HaloResource r : HaloResource.values()) {
            if (!r.pollable() || !contradicted(findings, r, SLIM_ITEMS)) {
                continue;
            }
            boolean filters = r.changeDetection() == ChangeDetection.UPDATED_SINCE_FILTER
                    && !contradicted(findings, r, FILTER_HONOURED);
            boolean sorts = !contradicted(findings, r, SORT_ACCEPTED)
                    && !contradicted(findings, r, ORDER_HONOURED);
            if (!r.paginated() || !filters && !sorts) {
                options.add("halo-poll:" + r.uriName() + "?sweepSize=<n> ("
                            + (r.paginated()
                                    ? "slim list items, and the list neither filters nor sorts by '"
                                      + r.lastModifiedField() + "'"
                                    : "slim list items on an unpaged list")
                            + ": halo-poll sweeps, n records read by id a poll, default 20, so a change arrives within "
                            + "(records / n) polls), or halo-webhook:" + r.uriName()
                            + " with halo-poll as its safety net");
            }
        }
        if (options.isEmpty()) {
            options.add("none: halo-poll and the producer fit this tenant as they are (what they adapt to is above)");
        }
        return options;
    }

    private static boolean contradicted(List<TenantFinding> findings, HaloResource r, String fact) {
        return findings.stream().anyMatch(f -> f.resource().equals(r.uriName()) && f.fact().equals(fact)
                && f.verdict() == CONTRADICTED);
    }

    /** The records of a list reply as the resource table expects them, or {@code null} when the shape differs. */
    private static JsonNode records(HaloResource r, JsonNode reply) {
        if (r.listKey() == null || r == HaloResource.APPOINTMENTS && reply.isArray()) {
            return reply.isArray() ? reply : null; // appointments: either shape is read (HaloPager)
        }
        JsonNode records = reply.get(r.listKey());
        return records != null && records.isArray() ? records : null;
    }

    private static String shape(JsonNode reply) {
        if (reply.isArray()) {
            return "a bare array";
        }
        List<String> keys = new ArrayList<>();
        reply.fieldNames().forEachRemaining(keys::add);
        return "an object with keys " + keys;
    }

    private JsonNode list(HaloResource r, String query) throws IOException, InterruptedException {
        return checked(r, get("/api/" + r.path() + query));
    }

    private static JsonNode checked(HaloResource r, HttpResponse<String> reply) throws IOException {
        if (reply.statusCode() != 200) {
            throw new IOException(
                    "GET /api/" + r.path() + " answered HTTP " + reply.statusCode() + ": "
                                  + abbreviate(reply.body()));
        }
        return JSON.readTree(reply.body());
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                      + "&scope=" + enc(scope);
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode token = reply.statusCode() == 200 ? JSON.readTree(reply.body()).get("access_token") : null;
        if (token == null) {
            // the body of a refused token request never holds the secret; it is shortened all the same
            throw new IOException(
                    "POST " + tokenUrl + " answered HTTP " + reply.statusCode() + " without an access token: "
                                  + abbreviate(reply.body()));
        }
        return token.asText();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
