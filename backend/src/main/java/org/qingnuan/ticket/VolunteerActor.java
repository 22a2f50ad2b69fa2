package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;

import java.math.BigDecimal;
import java.util.Set;

/** A volunteer cleared for duty, as the task board needs them: who, what they serve, where, how far. */
public record VolunteerActor(long volunteerId, String name, Set<TicketCategory> categories, BigDecimal latitude,
                             BigDecimal longitude, int radiusKm, int maxActiveTasks, Long orgId) {

    /** A volunteer of no organisation: sees no task a unit opened to its own volunteers only. */
    public VolunteerActor(long volunteerId, String name, Set<TicketCategory> categories, BigDecimal latitude,
                          BigDecimal longitude, int radiusKm, int maxActiveTasks) {
        this(volunteerId, name, categories, latitude, longitude, radiusKm, maxActiveTasks, null);
    }

    TicketActor actor() {
        return TicketActor.volunteer(volunteerId, name);
    }
}
