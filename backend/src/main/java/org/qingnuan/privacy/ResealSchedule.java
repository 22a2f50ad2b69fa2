package org.qingnuan.privacy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-seals values left under older keys after a rotation (docs/deploy.zh-CN.md, 密钥轮换): every hour by default
 * ({@code qingnuan.crypto.reseal-scan}); with nothing to do it costs one query per sealed column. Thin, so the
 * schedule builds nothing at start-up.
 */
@Component
class ResealSchedule {

    private final ObjectProvider<PersonalDataResealing> resealing;

    ResealSchedule(ObjectProvider<PersonalDataResealing> resealing) {
        this.resealing = resealing;
    }

    @Scheduled(fixedDelayString = "${qingnuan.crypto.reseal-scan:1h}", initialDelayString = "${qingnuan.crypto.reseal-first:2m}")
    void reseal() {
        resealing.getObject().resealAll();
    }
}
