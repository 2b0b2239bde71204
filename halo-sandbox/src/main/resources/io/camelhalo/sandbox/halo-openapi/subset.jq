# The paths the sandbox serves (list/create and get/delete by id of each resource, plus AuthInfo
# and the Webhook configuration API) and the request-body schemas they name, copied verbatim from
# Halo's OpenAPI description.
["Actions","Agent","Appointment","Asset","Attachment","Client","ClientContract","Invoice","Item","KBArticle",
 "Opportunities","Priority","Projects","Quotation","Report","Site","Status","Supplier","Team","TicketType","Tickets","Users"] as $rs
| ([$rs[] | ("/" + .), ("/" + . + "/{id}")] + ["/AuthInfo", "/Webhook", "/Webhook/{id}"]) as $keep
| .paths as $p | .components.schemas as $all
| ([$keep[] | $p[.] | .. | objects | .["$ref"]? // empty | select(startswith("#/components/schemas/"))
    | ltrimstr("#/components/schemas/")] | unique) as $schemas
| {openapi, info, servers,
   paths: ($keep | map({key: ., value: $p[.]}) | from_entries),
   components: {schemas: ($schemas | map({key: ., value: $all[.]}) | from_entries)}}
