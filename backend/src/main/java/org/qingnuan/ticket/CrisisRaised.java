package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;

/** A request shows a psychological crisis: the on-duty expert and staff must hear of it at once. */
public record CrisisRaised(long ticketId, long orgId, TicketCategory category, String district) {
}
