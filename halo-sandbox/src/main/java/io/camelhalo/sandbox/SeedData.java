package io.camelhalo.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo data set: a small MSP with three customers, consistent ids across resources and fixed timestamps in January
 * 2025 (so "updated since now" finds none of them).
 */
final class SeedData {

    private SeedData() {
    }

    static void load(RecordStore s) {
        // reference data
        s.load(SandboxResource.STATUSES, rec("id", 1, "name", "New", "shortname", "NEW", "type", 0, "sequence", 1));
        s.load(SandboxResource.STATUSES, rec("id", 2, "name", "In Progress", "shortname", "INP", "type", 0, "sequence", 2));
        s.load(SandboxResource.STATUSES, rec("id", 3, "name", "Action Required", "shortname", "ACT", "type", 0, "sequence", 3));
        s.load(SandboxResource.STATUSES, rec("id", 8, "name", "Resolved", "shortname", "RES", "type", 0, "sequence", 8));
        s.load(SandboxResource.STATUSES, rec("id", 9, "name", "Closed", "shortname", "CLO", "type", 1, "sequence", 9));

        s.load(SandboxResource.TICKETTYPES, rec("id", 1, "name", "Incident", "use", "fault", "sequence", 1));
        s.load(SandboxResource.TICKETTYPES, rec("id", 2, "name", "Service Request", "use", "fault", "sequence", 2));
        s.load(SandboxResource.TICKETTYPES, rec("id", 3, "name", "Change", "use", "fault", "sequence", 3));
        s.load(SandboxResource.TICKETTYPES, rec("id", 4, "name", "Project", "use", "project", "sequence", 4));
        s.load(SandboxResource.TICKETTYPES, rec("id", 5, "name", "Opportunity", "use", "opp", "sequence", 5));

        // priorities per SLA (schema Policy): the ticket's priority_id is a row's priorityid, not its id
        String[] priorities = { "Critical", "High", "Medium", "Low" };
        for (int i = 0; i < priorities.length; i++) {
            s.load(SandboxResource.PRIORITIES, rec("id", 1 + i, "slaid", 1, "priorityid", 1 + i, "name", priorities[i]));
            s.load(SandboxResource.PRIORITIES, rec("id", 5 + i, "slaid", 2, "priorityid", 1 + i, "name", priorities[i]));
        }
        s.load(SandboxResource.PRIORITIES, rec("id", 9, "slaid", 2, "priorityid", 5, "name", "Out of hours"));

        s.load(SandboxResource.TEAMS, rec("id", 1, "name", "Service Desk", "emailaddress", "servicedesk@msp.example",
                "last_modified", "2025-01-02T08:00:00.000"));
        s.load(SandboxResource.TEAMS, rec("id", 2, "name", "Escalations", "emailaddress", "escalations@msp.example",
                "last_modified", "2025-01-02T08:00:00.000"));

        s.load(SandboxResource.AGENTS, rec("id", 1, "name", "API Agent", "email", "api@msp.example", "team", "Service Desk",
                "is_agent", true, "datecreated", "2025-01-02T08:00:00.000", "last_modified", "2025-01-02T08:00:00.000"));
        s.load(SandboxResource.AGENTS, rec("id", 2, "name", "Alice Agent", "email", "alice@msp.example", "team", "Escalations",
                "is_agent", true, "datecreated", "2025-01-02T08:00:00.000", "last_modified", "2025-01-02T08:05:00.000"));

        // customers
        client(s, 1, "Acme Ltd", "acme.example", "2025-01-03T09:00:00.000");
        client(s, 2, "Globex Corporation", "globex.example", "2025-01-03T09:10:00.000");
        client(s, 3, "Initech", "initech.example", "2025-01-03T09:20:00.000");

        // the email domain is a Site field in Halo (schema Site: emaildomain); clients (schema Area) have a domain too,
        // left empty here: HaloFindByEmail's tests give one where they need it
        site(s, 1, "Acme HQ", 1, "Acme Ltd", "acme.example", "2025-01-03T09:01:00.000");
        site(s, 2, "Globex Springfield", 2, "Globex Corporation", "globex.example", "2025-01-03T09:11:00.000");
        site(s, 3, "Initech Austin", 3, "Initech", "initech.example", "2025-01-03T09:21:00.000");

        user(s, 1, "Wile E. Coyote", "wile@acme.example", 1, 1, "2025-01-04T10:00:00.000");
        user(s, 2, "Road Runner", "roadrunner@acme.example", 1, 1, "2025-01-04T10:05:00.000");
        user(s, 3, "Hank Scorpio", "hank@globex.example", 2, 2, "2025-01-04T10:10:00.000");
        user(s, 4, "Peter Gibbons", "peter@initech.example", 3, 3, "2025-01-04T10:15:00.000");

        // tickets, projects and opportunities share one id sequence (all Halo "Faults")
        ticket(s, SandboxResource.TICKETS, 1, "Printer on floor 2 is jammed", "Paper jam, tray 3.", 1, 1, 1,
                2, 1, 3, "Service Desk", "2025-01-06T08:30:00.000", "2025-01-06T09:15:00.000");
        ticket(s, SandboxResource.TICKETS, 2, "Cannot connect to VPN", "VPN client times out since this morning.", 1, 1, 2,
                1, 1, 2, "Service Desk", "2025-01-07T07:45:00.000", "2025-01-07T07:45:00.000");
        ticket(s, SandboxResource.TICKETS, 3, "New starter laptop", "Please set up a laptop for a new starter.", 2, 2, 3,
                9, 2, 4, "Service Desk", "2025-01-08T11:00:00.000", "2025-01-10T16:20:00.000");
        ticket(s, SandboxResource.TICKETS, 4, "Email bouncing for external senders", "NDRs from several domains.", 3, 3, 4,
                3, 1, 1, "Escalations", "2025-01-09T13:10:00.000", "2025-01-09T14:00:00.000");
        ticket(s, SandboxResource.TICKETS, 5, "Upgrade firewall firmware", "Planned change, weekend window.", 2, 2, 3,
                9, 3, 3, "Escalations", "2025-01-10T09:00:00.000", "2025-01-13T10:00:00.000");
        ticket(s, SandboxResource.PROJECTS, 6, "Office move to new building", "Move 40 seats and the comms room.", 1, 1, 1,
                2, 4, 3, "Escalations", "2025-01-11T10:00:00.000", "2025-01-12T10:00:00.000");
        ticket(s, SandboxResource.OPPORTUNITIES, 7, "Managed backup for Initech", "Quote 25 endpoints.", 3, 3, 4,
                1, 5, 4, "Service Desk", "2025-01-12T15:00:00.000", "2025-01-12T15:00:00.000");

        s.load(SandboxResource.ACTIONS, rec("ticket_id", 1, "id", 1, "outcome", "Note", "outcome_id", 1,
                "note", "Cleared the jam, testing.", "who", "API Agent", "hiddenfromuser", false,
                "datetime", "2025-01-06T08:50:00.000", "actiondatecreated", "2025-01-06T08:50:00.000",
                "last_updated", "2025-01-06T08:50:00.000"));
        s.load(SandboxResource.ACTIONS, rec("ticket_id", 1, "id", 2, "outcome", "Email User", "outcome_id", 2,
                "note", "Printer is working again.", "who", "Alice Agent", "hiddenfromuser", false,
                "datetime", "2025-01-06T09:15:00.000", "actiondatecreated", "2025-01-06T09:15:00.000",
                "last_updated", "2025-01-06T09:15:00.000"));

        s.load(SandboxResource.ATTACHMENTS, rec("id", 1, "ticket_id", 1, "action_id", 1, "filename", "jam.txt",
                "filesize", 10, "content_type", "text/plain", "data_base64", "cGFwZXIgamFtIQ==",
                "datecreated", "2025-01-06T08:50:00.000", "last_updated", "2025-01-06T08:50:00.000"));

        // finance and catalogue
        invoice(s, 1, 1, "INV-1001", 1250.00, "2025-01-31T17:00:00.000");
        invoice(s, 2, 2, "INV-1002", 980.50, "2025-01-31T17:05:00.000");
        invoice(s, 3, 3, "INV-1003", 450.00, "2025-01-31T17:10:00.000");

        s.load(SandboxResource.ITEMS, rec("id", 1, "name", "Managed Endpoint (monthly)", "baseprice", 25.0, "costprice", 8.0,
                "datecreated", "2025-01-02T08:00:00.000", "lastmodified", "2025-01-02T08:00:00.000"));
        s.load(SandboxResource.ITEMS, rec("id", 2, "name", "Laptop 14\"", "baseprice", 1099.0, "costprice", 899.0,
                "datecreated", "2025-01-02T08:00:00.000", "lastmodified", "2025-01-05T12:00:00.000"));

        s.load(SandboxResource.SUPPLIERS, rec("id", 1, "name", "Contoso Distribution", "website", "contoso.example",
                "email_address", "orders@contoso.example", "datecreated", "2025-01-02T08:00:00.000",
                "last_modified", "2025-01-02T08:00:00.000"));
        s.load(SandboxResource.SUPPLIERS, rec("id", 2, "name", "Fabrikam Hardware", "website", "fabrikam.example",
                "email_address", "sales@fabrikam.example", "datecreated", "2025-01-02T08:00:00.000",
                "last_modified", "2025-01-02T08:00:00.000"));

        s.load(SandboxResource.ASSETS, rec("id", 1, "inventory_number", "ACME-LT-001", "key_field", "ACME-LT-001",
                "assettype_name", "Laptop", "client_id", 1, "site_id", 1, "user_id", 1, "inactive", false,
                "last_modified", "2025-01-04T11:00:00.000"));
        s.load(SandboxResource.ASSETS, rec("id", 2, "inventory_number", "GLX-FW-001", "key_field", "GLX-FW-001",
                "assettype_name", "Firewall", "client_id", 2, "site_id", 2, "inactive", false,
                "last_modified", "2025-01-13T10:00:00.000"));

        s.load(SandboxResource.KBARTICLES, rec("id", 1, "name", "How to clear a printer jam",
                "description", "Open tray 3, remove the paper, close the tray.", "view_count", 12,
                "date_created", "2025-01-02T08:00:00.000", "date_edited", "2025-01-06T09:30:00.000"));
        s.load(SandboxResource.KBARTICLES, rec("id", 2, "name", "Connecting to the VPN",
                "description", "Install the VPN client and sign in with your email address.", "view_count", 40,
                "date_created", "2025-01-02T08:00:00.000", "date_edited", "2025-01-02T08:00:00.000"));

        s.load(SandboxResource.QUOTATIONS, rec("id", 1, "title", "Managed backup - 25 endpoints", "ticket_id", 7,
                "client_id", 3, "site_id", 3, "user_id", 4, "total", 625.0, "date", "2025-01-12T15:30:00.000",
                "last_update_time", "2025-01-12T15:30:00.000"));

        s.load(SandboxResource.CLIENTCONTRACTS, rec("id", 1, "ref", "ACME-MS-2025", "client_id", 1, "site_id", 1,
                "start_date", "2025-01-01T00:00:00.000", "end_date", "2025-12-31T00:00:00.000",
                "periodchargeamount", 1250.0, "last_modified", "2025-01-02T08:00:00.000"));
        s.load(SandboxResource.CLIENTCONTRACTS, rec("id", 2, "ref", "GLX-MS-2025", "client_id", 2, "site_id", 2,
                "start_date", "2025-01-01T00:00:00.000", "end_date", "2025-12-31T00:00:00.000",
                "periodchargeamount", 980.5, "last_modified", "2025-01-02T08:00:00.000"));

        s.load(SandboxResource.REPORTS, rec("id", 1, "name", "Open tickets by client",
                "sql", "SELECT areaint AS client_id, COUNT(*) AS open_tickets FROM faults WHERE status <> 9 GROUP BY areaint"));
        s.load(SandboxResource.REPORTS, rec("id", 2, "name", "Invoices this month",
                "sql", "SELECT ihid, ihinvoice_number, ihamount_due FROM invoiceheader"));

        s.load(SandboxResource.APPOINTMENTS, rec("id", 1, "subject", "On-site visit: printer", "ticket_id", 1,
                "client_id", 1, "site_id", 1, "agent_id", 2, "start_date", "2025-01-06T13:00:00.000",
                "end_date", "2025-01-06T14:00:00.000", "last_modified", "2025-01-06T09:20:00.000"));
        s.load(SandboxResource.APPOINTMENTS, rec("id", 2, "subject", "Firewall change window", "ticket_id", 5,
                "client_id", 2, "site_id", 2, "agent_id", 2, "start_date", "2025-01-11T22:00:00.000",
                "end_date", "2025-01-12T02:00:00.000", "last_modified", "2025-01-10T09:30:00.000"));
    }

    private static void client(RecordStore s, int id, String name, String domain, String stamp) {
        s.load(SandboxResource.CLIENTS, rec("id", id, "name", name, "website", "https://www." + domain,
                "inactive", false, "datecreated", stamp, "alastupdate", stamp));
    }

    private static void site(
            RecordStore s, int id, String name, int clientId, String clientName, String emailDomain,
            String stamp) {
        s.load(SandboxResource.SITES, rec("id", id, "name", name, "client_id", clientId, "client_name", clientName,
                "emaildomain", emailDomain, "inactive", false, "datecreated", stamp, "slastupdate", stamp));
    }

    private static void user(RecordStore s, int id, String name, String email, int clientId, int siteId, String stamp) {
        s.load(SandboxResource.USERS, rec("id", id, "name", name, "emailaddress", email, "client_id", clientId,
                "site_id", siteId, "inactive", false, "datecreated", stamp, "ulastupdate", stamp));
    }

    private static void ticket(
            RecordStore s, SandboxResource r, int id, String summary, String details, int clientId,
            int siteId, int userId, int statusId, int ticketTypeId, int priorityId, String team,
            String occurred, String updated) {
        s.load(r, rec("id", id, "summary", summary, "details", details, "client_id", clientId, "site_id", siteId,
                "user_id", userId, "status_id", statusId, "tickettype_id", ticketTypeId, "priority_id", priorityId,
                "team", team, "dateoccurred", occurred, "last_update", updated));
    }

    private static void invoice(RecordStore s, int id, int clientId, String number, double total, String stamp) {
        s.load(SandboxResource.INVOICES, rec("id", id, "client_id", clientId, "site_id", clientId, "invoicenumber", number,
                "total", total, "invoice_date", stamp, "date_created", stamp, "last_modified", stamp));
    }

    private static Map<String, Object> rec(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
