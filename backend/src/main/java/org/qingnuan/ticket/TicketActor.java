package org.qingnuan.ticket;

/** Who made a ticket move, as its history shows them. */
public record TicketActor(Kind kind, Long id, String name) {

    public enum Kind { FAMILY, MEDICAL_WORKER, CADRE, VOLUNTEER, STAFF, SYSTEM }

    public static final TicketActor SYSTEM = new TicketActor(Kind.SYSTEM, null, "系统");

    public static TicketActor staff(long staffId, String displayName) {
        return new TicketActor(Kind.STAFF, staffId, "工作人员 " + displayName);
    }

    public static TicketActor family(long userId) {
        return new TicketActor(Kind.FAMILY, userId, "家属");
    }

    public static TicketActor volunteer(long volunteerId, String name) {
        return new TicketActor(Kind.VOLUNTEER, volunteerId, "志愿者 " + name);
    }

    public static TicketActor pairedPartner(long userId) {
        return new TicketActor(Kind.CADRE, userId, "结对帮扶人");
    }

    public static TicketActor medicalWorker(long userId) {
        return new TicketActor(Kind.MEDICAL_WORKER, userId, "医护人员本人");
    }
}
