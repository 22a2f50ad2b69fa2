package org.qingnuan.ticket;

/**
 * Serialises one volunteer's claims inside the claim's transaction (a row lock on the volunteer),
 * so that counting their active tasks and taking one more cannot interleave with another claim of
 * theirs. Implemented by the volunteers feature, which owns that row.
 */
public interface ClaimGuard {

    void lock(long volunteerId);
}
