package org.qingnuan.prompt;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Daily prompt settings ({@code qingnuan.prompt.*}).
 *
 * @param templateId      the official account's template (keys: thing1 team, time2 date, thing3 yesterday's
 *                        figures, thing4 what to do)
 * @param reportPage      the mini-program page the message opens ({@code {teamId}} is replaced)
 * @param maxAttempts     attempts per recipient before giving up
 * @param staleAfter      a delivery left SENDING this long (its instance died) is attempted again
 * @param reminderTime    teams with no report by then get one reminder (Asia/Shanghai)
 * @param sendThreads     prompts created and deliveries sent side by side by one instance
 */
@ConfigurationProperties("qingnuan.prompt")
public record PromptProperties(String templateId, String reportPage, Integer maxAttempts, Duration staleAfter,
                               java.time.LocalTime reminderTime, Integer sendThreads) {

    public PromptProperties {
        templateId = templateId == null ? "" : templateId;
        reportPage = reportPage == null ? "pages/report/index?teamId={teamId}" : reportPage;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        reminderTime = reminderTime == null ? java.time.LocalTime.of(18, 0) : reminderTime;
        sendThreads = sendThreads == null || sendThreads < 1 ? 8 : sendThreads;
    }
}
