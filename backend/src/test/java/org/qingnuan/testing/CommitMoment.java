package org.qingnuan.testing;

import org.qingnuan.ticket.CrisisRaised;
import org.qingnuan.ticket.TicketTransitioned;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;

/**
 * Looks at the world at the instant a process could die: the transaction has committed and no after-commit listener
 * has run yet (this one is ordered first). Spring runs the remaining after-commit listeners even when one throws, so
 * a crash cannot be faked by throwing; instead a test arms a probe, which reads the database over a connection of its
 * own (only committed rows) and whatever else it likes at that instant. Whatever the probe sees is what a crash at
 * that instant would leave behind.
 */
public class CommitMoment {

    private final AtomicReference<LongFunction<Object>> probe = new AtomicReference<>();
    private final AtomicReference<Object> seen = new AtomicReference<>();

    /** The next commit publishing a move or a crisis runs {@code probe} with the request's id, first of all after-commit work. */
    public void arm(LongFunction<Object> probe) {
        seen.set(null);
        this.probe.set(probe);
    }

    public void disarm() {
        probe.set(null);
    }

    /** What the probe returned, or null when it has not run. */
    @SuppressWarnings("unchecked")
    public <T> T seen() {
        return (T) seen.get();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void afterMove(TicketTransitioned event) {
        look(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void afterCrisis(CrisisRaised event) {
        look(event.ticketId());
    }

    private void look(long ticketId) {
        LongFunction<Object> armed = probe.getAndSet(null);
        if (armed != null) {
            seen.set(armed.apply(ticketId));
        }
    }
}
