package org.qingnuan.ticket;

/** A claimed task went back to the pool (the volunteer gave it up, or did not start in time): staff should know. */
public record TaskReleased(long ticketId, long orgId, String volunteerName, String reason, boolean automatic) {
}
