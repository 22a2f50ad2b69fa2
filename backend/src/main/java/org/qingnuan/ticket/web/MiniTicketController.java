package org.qingnuan.ticket.web;

import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.MiniTicketApi;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.MiniTicketView;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.ticket.FamilyTickets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
class MiniTicketController implements MiniTicketApi {

    private final FamilyTickets tickets;

    MiniTicketController(FamilyTickets tickets) {
        this.tickets = tickets;
    }

    /** A replay answers exactly like the first call: 201 and the request as it is now. */
    @Override
    public ResponseEntity<MiniTicketView> submit(String idempotencyKey, SubmitTicketRequest request) {
        UserPrincipal user = CurrentUser.require();
        FamilyTickets.Submitted submitted = tickets.submit(user, idempotencyKey, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/mini/tickets/" + submitted.id()))
                .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
                .body(submitted.view());
    }

    @Override
    public PageView<MiniTicketView> mine(PageQuery paging) {
        return tickets.mine(CurrentUser.require(), paging);
    }

    @Override
    public MiniTicketView get(long id) {
        return tickets.view(CurrentUser.require(), id);
    }

    @Override
    public MiniTicketView cancel(long id, TicketRequests.Cancel request) {
        return tickets.cancel(CurrentUser.require(), id, request);
    }

    @Override
    public MiniTicketView confirm(long id, TicketRequests.Confirm request) {
        return tickets.confirm(CurrentUser.require(), id, request);
    }

    @Override
    public UploadPolicyView uploadPolicy(TicketRequests.UploadPolicyRequest request) {
        return tickets.uploadPolicy(CurrentUser.require(), request);
    }
}
