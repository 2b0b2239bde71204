package io.camelhalo.examples.projects;

import java.util.List;
import java.util.Map;

import io.camelhalo.examples.lookup.HaloCalls;

/**
 * Asks Halo whether a project change already has its follow-up ticket. halo-poll delivers a change again when the app
 * died after Halo created the ticket but before the change was recorded as done; only Halo knows then.
 * <p>
 * The tickets are listed with {@code parent_id} (declared for {@code GET /Tickets} in Halo's API description) and
 * matched here on the change mark in the summary, so a tenant that ignores the filter costs more reads, never a wrong
 * answer.
 */
public class ExistingFollowUps {

    private final HaloCalls halo;

    public ExistingFollowUps(HaloCalls halo) {
        this.halo = halo;
    }

    /** Whether a follow-up ticket for this version of the project is in Halo. */
    public boolean exists(Map<String, Object> project, Object lastModified) {
        String summaryStart = FollowUpTicket.summaryStart(project.get("id"), lastModified);
        List<Map<String, Object>> children = halo.list("tickets", Map.of("parent_id", project.get("id")));
        return children.stream().anyMatch(t -> String.valueOf(t.get("summary")).startsWith(summaryStart));
    }
}
