package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;

/** Published (in the transaction) when a ticket moved; listeners act after commit. */
public record TicketTransitioned(long ticketId, long familyId, long orgId, TicketCategory category, TicketAction action, TicketStatus from,
                                 TicketStatus to, TicketActor actor, String note) {
}
