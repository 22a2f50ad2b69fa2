package org.qingnuan.ticket;

import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.shared.error.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creating a request, whoever takes it in (the family in the mini-program, staff on the hotline):
 * the family's address and phone unless others are given, sealed; crisis detection; the SUBMIT step;
 * and a crisis accepted at once with its alert raised after commit.
 */
@Component
class NewTickets {

    private final org.qingnuan.ticket.internal.HelpTicketMapper tickets;
    private final TicketLifecycle lifecycle;
    private final FamilyDirectory directory;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher publisher;
    private final java.time.Clock clock;

    NewTickets(org.qingnuan.ticket.internal.HelpTicketMapper tickets, TicketLifecycle lifecycle, FamilyDirectory directory,
               PersonalDataCipher cipher, ApplicationEventPublisher publisher, java.time.Clock clock) {
        this.clock = clock;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.cipher = cipher;
        this.publisher = publisher;
    }

    /** What the request says, from whichever form. */
    record Draft(Channel channel, TicketCategory category, Urgency urgency, String description, String address,
                 SubmitTicketRequest.TimeWindow preferredTime, ContactMethod contactMethod, String contactPhone) {
    }

    /**
     * Refuses a preferred time that is over already (its end not after now): nobody can come then, and a volunteer
     * would claim a task whose window is gone. A window that has begun but not ended is fine ("today until 18:00").
     */
    void requireNotPast(SubmitTicketRequest.TimeWindow window) {
        if (window != null && window.end() != null && !window.end().isAfter(java.time.LocalDateTime.now(clock))) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "preferredTime.end",
                    "期望上门时间已经过去，请选择现在之后的时间");
        }
    }

    /** Inserts the request and its SUBMIT step (in the caller's transaction); a crisis is accepted at once. */
    HelpTicket create(FamilyDirectory.FamilyContact family, Draft d, HelpTicket.ContentCheck check,
                      java.util.function.Consumer<HelpTicket> submitter, TicketActor actor) {
        String address = d.address() != null && !d.address().isBlank() ? d.address().trim() : family.address();
        if (address == null) {
            throw DomainException.onField(TicketError.FAMILY_ADDRESS_MISSING, "address", "请填写服务地址");
        }
        Urgency urgency = d.urgency() == null ? Urgency.NORMAL : d.urgency();
        boolean crisis = CrisisSigns.isCrisis(d.category(), urgency, d.description());
        HelpTicket t = new HelpTicket();
        t.setOrgId(family.orgId());
        t.setFamilyId(family.familyId());
        t.setChannel(d.channel());
        submitter.accept(t);
        t.setCategory(d.category());
        t.setUrgency(crisis ? Urgency.CRISIS : urgency);
        t.setStatus(TicketStatus.SUBMITTED);
        // to the millisecond, as the columns keep them: the 201 is answered from this object, not read back
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        t.setStatusSince(now);
        t.setCreatedAt(now);
        t.setUpdatedAt(now);
        t.setCrisis(crisis);
        t.setContentCheck(check);
        t.setDescriptionSealed(cipher.seal(d.description().trim()));
        t.setAddressSealed(cipher.seal(address));
        t.setDistrict(directory.districtOf(family.orgId()));
        t.setLatitude(family.latitude());
        t.setLongitude(family.longitude());
        if (d.preferredTime() != null) {
            t.setWindowStart(d.preferredTime().start());
            t.setWindowEnd(d.preferredTime().end());
        }
        t.setContactMethod(d.contactMethod());
        String phone = d.contactPhone() != null ? d.contactPhone() : family.contactPhone();
        t.setContactPhoneSealed(phone == null ? null : cipher.seal(phone));
        t.setVersion(0);
        tickets.submit(t);
        lifecycle.submitted(t, actor);
        if (crisis) {
            // a crisis never waits in a queue: accepted at once, and the expert and staff are told after commit
            HelpTicket accepted = lifecycle.accept(t, TicketActor.SYSTEM, "心理危机：已立即通知值班心理专家和工作人员");
            publisher.publishEvent(new CrisisRaised(t.getId(), t.getOrgId(), t.getCategory(), t.getDistrict()));
            return accepted;
        }
        return t;
    }
}
