package org.qingnuan.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.error.DomainException;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingnuan.api.ticket.TicketStatus.*;
import static org.qingnuan.ticket.TicketActor.Kind.*;

/**
 * The help request's state table, written out once more by hand: for every status and every action, and each kind
 * of actor, the move is either allowed and lands in the expected status, or refused with 409 naming the current
 * status. A change to {@link TicketAction} that is not also made here fails this test.
 */
class TicketStateTableTest {

    private record Move(Set<TicketStatus> from, TicketStatus to, Set<TicketActor.Kind> actors) {
    }

    private static final Set<TicketStatus> UNFINISHED = EnumSet.of(SUBMITTED, ACCEPTED, OPEN, DISPATCHED, CLAIMED, IN_PROGRESS);
    private static final Set<TicketActor.Kind> SUBMITTERS = EnumSet.of(FAMILY, MEDICAL_WORKER, CADRE);

    /** to == null: the request keeps its status. */
    private static final Map<TicketAction, Move> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(TicketAction.SUBMIT, new Move(EnumSet.noneOf(TicketStatus.class), SUBMITTED, EnumSet.of(FAMILY, MEDICAL_WORKER, CADRE, STAFF, SYSTEM))),
            Map.entry(TicketAction.ACCEPT, new Move(EnumSet.of(SUBMITTED), ACCEPTED, EnumSet.of(STAFF, SYSTEM))),
            Map.entry(TicketAction.REJECT, new Move(EnumSet.of(SUBMITTED, ACCEPTED), REJECTED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.OPEN, new Move(EnumSet.of(ACCEPTED, DISPATCHED), OPEN, EnumSet.of(STAFF, SYSTEM))),
            Map.entry(TicketAction.DISPATCH, new Move(EnumSet.of(ACCEPTED), DISPATCHED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.DISPATCH_ACCEPT, new Move(EnumSet.of(DISPATCHED), DISPATCHED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.PASS_BACK, new Move(EnumSet.of(DISPATCHED), ACCEPTED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.CHANGE_DEADLINE, new Move(EnumSet.of(DISPATCHED, OPEN, CLAIMED, IN_PROGRESS), null, EnumSet.of(STAFF))),
            Map.entry(TicketAction.TAKE_OVER, new Move(EnumSet.of(DISPATCHED, OPEN), null, EnumSet.of(STAFF, SYSTEM))),
            Map.entry(TicketAction.ASSIGN, new Move(EnumSet.of(ACCEPTED, DISPATCHED, OPEN), CLAIMED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.CLAIM, new Move(EnumSet.of(OPEN, DISPATCHED), CLAIMED, EnumSet.of(VOLUNTEER, STAFF))),
            Map.entry(TicketAction.RELEASE, new Move(EnumSet.of(CLAIMED), OPEN, EnumSet.of(VOLUNTEER, STAFF, SYSTEM))),
            Map.entry(TicketAction.START, new Move(EnumSet.of(CLAIMED), IN_PROGRESS, EnumSet.of(VOLUNTEER, STAFF))),
            // a volunteer completes only what they started (checked below); staff may complete from earlier states
            Map.entry(TicketAction.COMPLETE, new Move(EnumSet.of(ACCEPTED, DISPATCHED, CLAIMED, IN_PROGRESS), DONE, EnumSet.of(VOLUNTEER, STAFF))),
            Map.entry(TicketAction.CONFIRM, new Move(EnumSet.of(DONE), CONFIRMED, SUBMITTERS)),
            Map.entry(TicketAction.CONFIRM_BY_PHONE, new Move(EnumSet.of(DONE), CONFIRMED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.AUTO_CONFIRM, new Move(EnumSet.of(DONE), CONFIRMED, EnumSet.of(SYSTEM))),
            Map.entry(TicketAction.CANCEL, new Move(EnumSet.of(SUBMITTED, ACCEPTED, OPEN, DISPATCHED, CLAIMED), CANCELLED, SUBMITTERS)),
            Map.entry(TicketAction.CLOSE, new Move(UNFINISHED, CLOSED, EnumSet.of(STAFF))),
            Map.entry(TicketAction.OVERDUE, new Move(UNFINISHED, null, EnumSet.of(SYSTEM))),
            Map.entry(TicketAction.FOLLOW_UP, new Move(EnumSet.of(DONE), null, EnumSet.of(STAFF)))));

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(TicketStatus.values())
                .flatMap(status -> Arrays.stream(TicketAction.values()).map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStatusAndAction")
    void movesAsTheTableSaysOrIsRefusedWithTheCurrentStatus(TicketStatus status, TicketAction action) {
        Move expected = EXPECTED.get(action);
        assertThat(expected).as("the expected move of %s is written in this test", action).isNotNull();
        for (TicketActor.Kind actor : TicketActor.Kind.values()) {
            boolean allowed = expected.from().contains(status) && expected.actors().contains(actor)
                    && !(action == TicketAction.COMPLETE && actor == VOLUNTEER && status != IN_PROGRESS);
            if (allowed) {
                assertThat(TicketLifecycle.next(status, action, actor)).as("%s by %s from %s", action, actor, status)
                        .isEqualTo(expected.to() == null ? status : expected.to());
            } else {
                assertThatThrownBy(() -> TicketLifecycle.next(status, action, actor)).as("%s by %s from %s", action, actor, status)
                        .isInstanceOfSatisfying(DomainException.class, e -> {
                            assertThat(e.code()).isEqualTo(TicketError.TICKET_STATE_CONFLICT);
                            assertThat(e.code().httpStatus()).isEqualTo(409);
                            assertThat(e.fieldErrors()).containsExactly(new ApiError.FieldError("status", status.name()));
                            assertThat(e.userMessage()).contains(status.label());
                        });
            }
        }
    }
}
