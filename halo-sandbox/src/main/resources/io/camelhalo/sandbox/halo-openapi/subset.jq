# The paths the sandbox serves (list/create and get/delete by id of each resource, plus AuthInfo,
# the Webhook configuration API and the WebhookEvent delivery log) and the request-body schemas they
# name, plus the WebhookEvent schema (the delivery log's entries, which no path names as a body),
# copied verbatim from Halo's OpenAPI description.
["Actions","Agent","Appointment","Asset","Attachment","Client","ClientContract","Invoice","Item","KBArticle",
 "Opportunities","Priority","Projects","Quotation","Report","Site","Status","Supplier","Team","TicketType","Tickets","Users"] as $rs
| ([$rs[] | ("/" + .), ("/" + . + "/{id}")] + ["/AuthInfo", "/Webhook", "/Webhook/{id}", "/WebhookEvent", "/WebhookEvent/{id}"]) as $keep
| .paths as $p | .components.schemas as $all
| ([$keep[] | $p[.] | .. | objects | .["$ref"]? // empty | select(startswith("#/components/schemas/"))
    | ltrimstr("#/components/schemas/")] | . + ["WebhookEvent"] | unique) as $schemas
| {openapi, info, servers,
   paths: ($keep | map({key: ., value: $p[.]}) | from_entries),
   components: {schemas: ($schemas | map({key: ., value: $all[.]}) | from_entries)}}
