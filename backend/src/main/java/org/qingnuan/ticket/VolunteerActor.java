package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;

import java.math.BigDecimal;
import java.util.Set;

/** A volunteer cleared for duty, as the task board needs them: who, what they serve, where, how far. */
public record VolunteerActor(long volunteerId, String name, Set<TicketCategory> categories, BigDecimal latitude,
                             BigDecimal longitude, int radiusKm, int maxActiveTasks) {

    TicketActor actor() {
        return TicketActor.volunteer(volunteerId, name);
    }
}
