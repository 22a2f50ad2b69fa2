package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.MiniTicketView;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.photocheck.PhotoCheck;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.idempotency.IdempotentCreation;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.qingnuan.wechat.MiniProgram;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/**
 * Help requests from the family's side: submit (idempotent, text checked right after, photos verified), read
 * their own with history, cancel, confirm and rate. A user may act only for families their roles
 * give them; anything else answers 404, as if it did not exist.
 */
@Service
@EnableConfigurationProperties(TicketProperties.class)
public class FamilyTickets {

    private final HelpTicketMapper tickets;
    private final TicketLifecycle lifecycle;
    private final TicketViews views;
    private final TicketPhotos photos;
    private final TicketContentCheck contentCheck;
    private final IdempotentCreation idempotent;
    private final FamilyDirectory directory;
    private final TicketProperties properties;
    private final NewTickets newTickets;
    private final TicketTextChecks textChecks;

    FamilyTickets(HelpTicketMapper tickets, TicketLifecycle lifecycle, TicketViews views, TicketPhotos photos,
                  TicketContentCheck contentCheck, IdempotentCreation idempotent, FamilyDirectory directory,
                  TicketProperties properties, NewTickets newTickets, TicketTextChecks textChecks) {
        this.newTickets = newTickets;
        this.textChecks = textChecks;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.views = views;
        this.photos = photos;
        this.contentCheck = contentCheck;
        this.idempotent = idempotent;
        this.directory = directory;
        this.properties = properties;
    }

    /** A submission's answer: the request as the family sees it, and whether the call replayed an earlier one. */
    public record Submitted(long id, boolean replayed, MiniTicketView view) {
    }

    /**
     * @return the request, and whether this was a replay of an earlier submission with the same key. A new request is
     * shown from the rows just written (the request and its history), none read back; a replay is read as it is now.
     */
    public Submitted submit(UserPrincipal user, String idempotencyKey, SubmitTicketRequest request) {
        idempotent.requireKey(idempotencyKey);
        if (!user.actsFor(request.familyId())) {
            throw new DomainException(TicketError.NOT_YOUR_FAMILY);
        }
        newTickets.requireNotPast(request.preferredTime());
        FamilyDirectory.FamilyContact family = directory.contact(request.familyId())
                .orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        // WeChat and OSS are asked before the transaction: no connection is held while they answer
        photos.requireUploaded(user.userId(), request.photoKeys());
        // WeChat's text check runs after the commit (TicketTextChecks): the family does not wait for it
        String text = request.address() == null ? request.description() : request.description() + "\n" + request.address();
        HelpTicket.ContentCheck check = contentCheck.beforeCheck();
        java.util.concurrent.atomic.AtomicReference<HelpTicket> written = new java.util.concurrent.atomic.AtomicReference<>();
        IdempotentCreation.Outcome outcome = idempotent.create("wx:" + user.userId(), idempotencyKey, request, () -> {
            HelpTicket t = create(user, family, request, check);
            if (check == HelpTicket.ContentCheck.PENDING) {
                textChecks.afterCommit(t.getId(), user.openId(), text);
            }
            written.set(t);
            return t.getId();
        });
        HelpTicket shown = outcome.replayed() || written.get() == null ? own(user, outcome.resourceId()) : written.get();
        return new Submitted(outcome.resourceId(), outcome.replayed(), views.forFamily(shown, true, user.userId()));
    }

    private HelpTicket create(UserPrincipal user, FamilyDirectory.FamilyContact family, SubmitTicketRequest r,
                        HelpTicket.ContentCheck check) {
        RoleKind role = user.roleFor(r.familyId());
        HelpTicket t = newTickets.create(family, new NewTickets.Draft(Channel.MINI_PROGRAM, r.category(), r.urgency(),
                        r.description(), r.address(), r.preferredTime(), r.contactMethod(), r.contactPhone()), check,
                ticket -> {
                    ticket.setSubmitterType(switch (role) {
                        case MEDICAL_WORKER -> HelpTicket.Submitter.MEDICAL_WORKER;
                        case PAIRED -> HelpTicket.Submitter.CADRE;
                        default -> HelpTicket.Submitter.FAMILY;
                    });
                    ticket.setSubmitterUserId(user.userId());
                    ticket.setPhotoKeys(views.keysJson(r.photoKeys()));
                }, actorFor(role, user.userId()));
        // in the request's transaction: the photos are checked by WeChat (after commit) before volunteers see them
        photos.attach(PhotoCheck.Owner.REQUEST, t, user.userId(), user.openId(), r.photoKeys());
        if (t.getStatus() == TicketStatus.SUBMITTED && properties.autoAccept() && check == HelpTicket.ContentCheck.PASS) {
            return lifecycle.accept(t, TicketActor.SYSTEM, "按规则自动受理");
        }
        return t;
    }

    public MiniTicketView view(UserPrincipal user, long id) {
        return views.forFamily(own(user, id), true, user.userId());
    }

    public PageView<MiniTicketView> mine(UserPrincipal user, PageQuery paging) {
        Set<Long> families = user.familyIds();
        LambdaQueryWrapper<HelpTicket> where = new LambdaQueryWrapper<HelpTicket>()
                .and(w -> w.eq(HelpTicket::getSubmitterUserId, user.userId())
                        .or(!families.isEmpty(), o -> o.in(HelpTicket::getFamilyId, families)))
                .orderByDesc(HelpTicket::getId);
        Page<HelpTicket> page = tickets.selectPage(Pages.of(paging), where);
        return Pages.view(page.convert(t -> views.forFamily(t, false, user.userId())));
    }

    @Transactional
    public MiniTicketView cancel(UserPrincipal user, long id, TicketRequests.Cancel request) {
        HelpTicket t = own(user, id);
        HelpTicket moved = lifecycle.cancel(t, actor(user, t), request.reason());
        return views.forFamily(moved, true, user.userId());
    }

    public MiniTicketView confirm(UserPrincipal user, long id, TicketRequests.Confirm request) {
        HelpTicket t = own(user, id);
        if (t.getStatus() != TicketStatus.DONE) {
            throw TicketLifecycle.conflict(t.getStatus());
        }
        if (request.comment() != null && !request.comment().isBlank()) {
            contentCheck.check(user.openId(), MiniProgram.ContentScene.COMMENT, request.comment());
        }
        HelpTicket moved = lifecycle.confirm(t, actor(user, t), request.rating(), request.comment());
        return views.forFamily(moved, true, user.userId());
    }

    public UploadPolicyView uploadPolicy(UserPrincipal user, TicketRequests.UploadPolicyRequest request) {
        return photos.policy(user.userId(), request.contentType(), request.size());
    }

    private HelpTicket own(UserPrincipal user, long id) {
        HelpTicket t = tickets.selectById(id);
        if (t == null || !(user.actsFor(t.getFamilyId()) || Long.valueOf(user.userId()).equals(t.getSubmitterUserId()))) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        return t;
    }

    private static TicketActor actor(UserPrincipal user, HelpTicket t) {
        return user.actsFor(t.getFamilyId()) ? actorFor(user.roleFor(t.getFamilyId()), user.userId()) : TicketActor.family(user.userId());
    }

    private static TicketActor actorFor(RoleKind role, long userId) {
        return switch (role) {
            case MEDICAL_WORKER -> TicketActor.medicalWorker(userId);
            case PAIRED -> TicketActor.pairedPartner(userId);
            default -> TicketActor.family(userId);
        };
    }
}
