package io.camelhalo.examples.projects;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The follow-up ticket for a changed project: same client and site, linked to the project as its parent. Built in Java
 * rather than as JSON text in the YAML route, so a quote in a project's name cannot break the request.
 */
public final class FollowUpTicket {

    private FollowUpTicket() {
    }

    public static Map<String, Object> forProject(Map<String, Object> project, String eventType, Object lastModified) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("summary", summaryStart(project.get("id"), lastModified) + ": '" + project.get("summary") + "'");
        ticket.put("details", "Project " + project.get("id") + " was " + eventType + " in Halo at " + lastModified + ".");
        ticket.put("client_id", project.get("client_id"));
        if (project.get("site_id") != null) {
            ticket.put("site_id", project.get("site_id"));
        }
        ticket.put("parent_id", project.get("id"));
        return ticket;
    }

    /**
     * How the summary of the follow-up for one version of a project starts: it names the change, so the ticket can be
     * found again (see {@link ExistingFollowUps}); the project's name comes after it, where a cut does no harm.
     */
    public static String summaryStart(Object projectId, Object lastModified) {
        return "Follow up: project " + projectId + " changed at " + lastModified;
    }
}
