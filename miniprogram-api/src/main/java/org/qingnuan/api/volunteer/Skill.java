package org.qingnuan.api.volunteer;

import org.qingnuan.api.Labelled;
import org.qingnuan.api.ticket.TicketCategory;

import java.util.EnumSet;
import java.util.Set;

/** What a volunteer can do, and the kinds of request each skill serves. */
public enum Skill implements Labelled {
    DRIVER("有车司机", EnumSet.of(TicketCategory.TRANSPORT)),
    TUTOR("课业辅导", EnumSet.of(TicketCategory.TUTORING)),
    PSYCHOLOGIST("心理咨询师", EnumSet.of(TicketCategory.PSYCHOLOGICAL)),
    SHOPPING("代购配送", EnumSet.of(TicketCategory.SUPPLIES, TicketCategory.DAILY_LIVING, TicketCategory.MEALS)),
    ELDERLY_CARE("老人照护", EnumSet.of(TicketCategory.CARE)),
    MEDICAL("医疗护理", EnumSet.of(TicketCategory.CARE));

    private final String label;
    private final Set<TicketCategory> serves;

    Skill(String label, Set<TicketCategory> serves) {
        this.label = label;
        this.serves = serves;
    }

    @Override
    public String label() {
        return label;
    }

    public Set<TicketCategory> serves() {
        return serves;
    }

    /** Categories a volunteer with these skills may take; "other" needs are for everyone. */
    public static Set<TicketCategory> categoriesFor(Set<Skill> skills) {
        Set<TicketCategory> categories = EnumSet.of(TicketCategory.OTHER);
        skills.forEach(s -> categories.addAll(s.serves()));
        return categories;
    }
}
