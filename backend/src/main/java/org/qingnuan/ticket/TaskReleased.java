package org.qingnuan.ticket;

/**
 * A claimed task went back to the pool (the volunteer gave it up, or did not start in time): staff should know.
 *
 * @param volunteerId    who gave it up (null when the system put it back)
 * @param volunteerOrgId their organisation, which answers for them (null when none or automatic)
 * @param releasesToday  the volunteer's releases today, this one included (0 when automatic)
 * @param unusual        the day's pattern looks like harvesting addresses (many releases, or quick ones):
 *                       their organisation is alerted as well
 */
public record TaskReleased(long ticketId, long orgId, String volunteerName, String reason, boolean automatic,
                           Long volunteerId, Long volunteerOrgId, int releasesToday, boolean unusual) {

    /** The system put the task back (not started in time). */
    static TaskReleased automatic(long ticketId, long orgId, String reason) {
        return new TaskReleased(ticketId, orgId, null, reason, true, null, null, 0, false);
    }
}
