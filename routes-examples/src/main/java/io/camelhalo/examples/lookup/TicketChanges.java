package io.camelhalo.examples.lookup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a change asked for by name ({@code {"ticket_id": 2, "status": "Closed"}}, or {@code priority} and
 * {@code team}) into the Halo update of exactly those fields, with the names resolved to Halo's ids.
 */
public class TicketChanges {

    private final NameToId names;

    public TicketChanges(NameToId names) {
        this.names = names;
    }

    /** @return the update body for {@code halo:tickets/update}: {@code id} plus only the fields asked for */
    public Map<String, Object> toUpdate(Map<String, Object> request) {
        Long ticketId = HaloCalls.id(request, "ticket_id");
        if (ticketId == null) {
            throw new IllegalArgumentException("A ticket change needs ticket_id; got " + request.keySet());
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", ticketId);
        if (given(request, "status")) {
            update.put("status_id", names.id("statuses", request.get("status").toString()));
        }
        if (given(request, "priority")) {
            update.put("priority_id", names.id("priorities", request.get("priority").toString()));
        }
        if (given(request, "team")) {
            String team = request.get("team").toString().trim();
            names.id("teams", team); // an unknown team fails here, naming the teams there are
            update.put("team", team); // Halo's ticket (schema Faults) names its team: it has no team_id field
        }
        if (update.size() == 1) {
            throw new IllegalArgumentException("A ticket change needs at least one of status, priority, team");
        }
        return update;
    }

    private static boolean given(Map<String, Object> request, String field) {
        return request.get(field) != null && !request.get(field).toString().isBlank();
    }
}
