package org.qingnuan.photocheck;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.photocheck.internal.PhotoCheckMapper;
import org.qingnuan.wechat.MediaCheckResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * WeChat's verdicts, as the message push brings them: pass shows the photo, risky hides it everywhere and
 * tells staff ({@link PhotoRisky}, in the same transaction), review leaves it to staff (UNCHECKED). A verdict
 * changes only a photo that is still waiting (PENDING, or UNCHECKED without a staff decision), with a conditional
 * UPDATE: WeChat pushes again when an answer is lost, and a repeated risky must not alert twice. An unknown
 * trace id changes nothing.
 */
@Component
class PhotoCheckResults {

    private static final Logger log = LoggerFactory.getLogger(PhotoCheckResults.class);

    private final PhotoCheckMapper checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PhotoCheckResults(PhotoCheckMapper checks, ApplicationEventPublisher events, Clock clock) {
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onResult(MediaCheckResult result) {
        PhotoCheck check = checks.selectOne(new LambdaQueryWrapper<PhotoCheck>().eq(PhotoCheck::getTraceId, result.traceId()));
        if (check == null) {
            log.info("Media check verdict for an unknown trace id: ignored");
            return;
        }
        PhotoCheck.Status to = switch (result.suggest()) {
            case "pass" -> PhotoCheck.Status.PASS;
            case "risky" -> PhotoCheck.Status.RISKY;
            default -> PhotoCheck.Status.UNCHECKED; // "review": WeChat is unsure, staff decide
        };
        int changed = checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getStatus, to)
                .set(PhotoCheck::getLabel, result.label())
                .set(PhotoCheck::getDecidedAt, LocalDateTime.now(clock))
                .eq(PhotoCheck::getId, check.getId())
                .isNull(PhotoCheck::getDecidedBy)
                .in(PhotoCheck::getStatus, PhotoCheck.Status.PENDING, PhotoCheck.Status.UNCHECKED)
                .ne(PhotoCheck::getStatus, to));
        if (changed == 1 && to == PhotoCheck.Status.RISKY) {
            events.publishEvent(new PhotoRisky(check.getId(), check.getOwnerType(), check.getOwnerId(), check.getOrgId()));
        }
    }
}
