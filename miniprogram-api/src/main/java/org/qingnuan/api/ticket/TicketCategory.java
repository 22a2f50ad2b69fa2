package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

/** What the family needs (BRIEF: the kinds of help the league organises). */
public enum TicketCategory implements Labelled {
    SUPPLIES("生活物资"),
    SPECIAL_FUND("专项资金"),
    TRANSPORT("交通出行"),
    DAILY_LIVING("代购代办"),
    MEALS("送餐"),
    CARE("老人或儿童照护"),
    TUTORING("课业辅导"),
    PSYCHOLOGICAL("心理疏导"),
    OTHER("其他");

    private final String label;

    TicketCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
