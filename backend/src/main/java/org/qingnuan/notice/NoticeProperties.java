package org.qingnuan.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Subscribe messages to families ({@code qingnuan.notice.*}).
 *
 * @param ticketTemplateId the mini-program's template for request progress (keys thing1 category, phrase2
 *                         status, thing3 note, time4 time); without it no message is sent
 * @param ticketPage       the page it opens, {@code {id}} is the request
 * @param retryScan        how often due retries are sent
 */
@ConfigurationProperties("qingnuan.notice")
public record NoticeProperties(String ticketTemplateId, String ticketPage, Duration retryScan) {

    public NoticeProperties {
        ticketPage = ticketPage == null ? "pages/tickets/detail?id={id}" : ticketPage;
        retryScan = retryScan == null ? Duration.ofMinutes(1) : retryScan;
    }

    public boolean configured() {
        return ticketTemplateId != null && !ticketTemplateId.isBlank();
    }
}
