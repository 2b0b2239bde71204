package io.camelhalo.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The one table of the Halo events (notification events, {@code UnameNotification.eventno}) the sandbox raises, with
 * the resource whose writes raise them. A webhook receives a delivery only for the events it subscribes to in its
 * {@code events} ({@code [{"eventno": 3}, ...]}). Numbers and names are from a published Halo client run on real
 * tenants (the n8n node redanthrax/halopsa-node, {@code HaloPsaTrigger}), except where {@link #placeholder()} says the
 * sandbox made one up; docs/HALO-FACTS.md has the evidence for each row. When the sandbox raises them is its own
 * reading of the names (unverified): a ticket's update raises {@link #TICKET_UPDATED} and, when its status changes,
 * {@link #TICKET_STATUS_CHANGED}, and {@link #TICKET_CLOSED} when the new status is 9 (Halo's default Closed).
 */
public enum HaloEvent {

    /** A ticket created. */
    NEW_TICKET_LOGGED(3, "New Ticket Logged", SandboxResource.TICKETS, false),
    /**
     * A ticket updated (any write to an existing ticket, and an action added to it). Halo's name says "by User"; which
     * event Halo raises for an agent's or an API application's update is unverified.
     */
    TICKET_UPDATED(19, "Ticket Updated by User", SandboxResource.TICKETS, false),
    /** A ticket's {@code status_id} changed. */
    TICKET_STATUS_CHANGED(76, "Ticket Status Changed", SandboxResource.TICKETS, false),
    /** A ticket's {@code status_id} changed to 9 (Halo's default Closed status). */
    TICKET_CLOSED(39, "Closed", SandboxResource.TICKETS, false),
    /** A ticket deleted ({@code DELETE /Tickets/{id}}). */
    TICKET_DELETED(1072, "Ticket Deleted", SandboxResource.TICKETS, false),
    /** A client created. Halo's number is unknown: 90001 is the sandbox's placeholder, which no tenant has. */
    NEW_CLIENT(90001, "New Client", SandboxResource.CLIENTS, true),
    /** A client updated. Halo's number is unknown: 90002 is the sandbox's placeholder, which no tenant has. */
    CLIENT_UPDATED(90002, "Client Updated", SandboxResource.CLIENTS, true);

    private final int eventNo;
    private final String displayName;
    private final SandboxResource resource;
    private final boolean placeholder;

    HaloEvent(int eventNo, String displayName, SandboxResource resource, boolean placeholder) {
        this.eventNo = eventNo;
        this.displayName = displayName;
        this.resource = resource;
        this.placeholder = placeholder;
    }

    /** Halo's event number, as a webhook's {@code events[].eventno} names it. */
    public int eventNo() {
        return eventNo;
    }

    /** The event's name as Halo's notification list shows it, e.g. {@code Ticket Status Changed}. */
    public String displayName() {
        return displayName;
    }

    /**
     * The {@code event} text of a delivery: the name in lower case, as a delivery captured on a live tenant shows it
     * ({@code "ticket status changed"}); the case for other events is unverified.
     */
    public String deliveryText() {
        return displayName.toLowerCase(Locale.ROOT);
    }

    /** Our name of the resource whose writes raise it, e.g. {@code tickets}. */
    public String resource() {
        return resource.resourceName();
    }

    SandboxResource sandboxResource() {
        return resource;
    }

    /** Whether the number is the sandbox's own (Halo's is unknown), not one seen on a tenant. */
    public boolean placeholder() {
        return placeholder;
    }

    /** The event with this number, if the sandbox raises it. */
    public static Optional<HaloEvent> byNumber(int eventNo) {
        for (HaloEvent e : values()) {
            if (e.eventNo == eventNo) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
