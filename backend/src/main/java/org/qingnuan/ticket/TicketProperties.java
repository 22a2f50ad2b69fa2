package org.qingnuan.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Help requests ({@code qingnuan.ticket.*}).
 *
 * @param autoAccept       accept requests whose text passed the check without waiting for staff (a rule)
 * @param autoConfirmAfter a request done this long ago without the family's word is confirmed by the system
 * @param autoConfirmScan  how often the auto-confirmation runs
 */
@ConfigurationProperties("qingnuan.ticket")
public record TicketProperties(boolean autoAccept, Duration autoConfirmAfter, Duration autoConfirmScan) {

    public TicketProperties {
        autoConfirmAfter = autoConfirmAfter == null ? Duration.ofHours(72) : autoConfirmAfter;
        autoConfirmScan = autoConfirmScan == null ? Duration.ofMinutes(10) : autoConfirmScan;
    }
}
