package org.qingnuan.prompt;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule of the daily prompt job, kept apart from the job so that starting the schedule does
 * not build the job and the WeChat client behind it (the embedded default creates beans when first used).
 */
@Component
class PromptSchedule {

    private final ObjectProvider<DailyPrompts> prompts;

    PromptSchedule(ObjectProvider<DailyPrompts> prompts) {
        this.prompts = prompts;
    }

    @Scheduled(fixedDelayString = "${qingnuan.prompt.scan-interval:30s}", initialDelayString = "${qingnuan.prompt.scan-interval:30s}")
    void run() {
        prompts.getObject().run();
    }
}
