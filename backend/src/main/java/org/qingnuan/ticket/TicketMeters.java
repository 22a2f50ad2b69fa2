package org.qingnuan.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The requests' own figures for Prometheus ({@code qn_ticket_steps_total{action}}, {@code qn_ticket_claims_total{outcome}}):
 * a step counts once its transaction committed, so a refused or rolled-back move is never counted.
 */
@Component
class TicketMeters {

    private final MeterRegistry registry;
    private final Counter claimsWon;
    private final Counter claimsLost;

    TicketMeters(MeterRegistry registry) {
        this.registry = registry;
        this.claimsWon = claims(registry, "won");
        this.claimsLost = claims(registry, "lost");
        for (TicketAction action : TicketAction.values()) {
            // every series exists from the start, so a rate over "nothing yet" is 0, not absent
            step(action);
        }
    }

    private static Counter claims(MeterRegistry registry, String outcome) {
        return Counter.builder("qn.ticket.claims").description("Volunteer claims: won, or lost to someone faster")
                .tag("outcome", outcome).register(registry);
    }

    private Counter step(TicketAction action) {
        return Counter.builder("qn.ticket.steps").description("Committed steps of help requests (SUBMIT, ACCEPT, CLAIM, COMPLETE …)")
                .tag("action", action.name()).register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStep(TicketTransitioned step) {
        step(step.action()).increment();
    }

    void claimWon() {
        claimsWon.increment();
    }

    void claimLost() {
        claimsLost.increment();
    }
}
