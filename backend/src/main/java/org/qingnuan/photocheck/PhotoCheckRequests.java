package org.qingnuan.photocheck;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.photocheck.internal.PhotoCheckMapper;
import org.qingnuan.shared.time.Backoff;
import org.qingnuan.storage.PhotoStorageUnavailable;
import org.qingnuan.storage.PhotoUploads;
import org.qingnuan.wechat.MiniProgram;
import org.qingnuan.wechat.MiniProgramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Hands photos to WeChat's asynchronous media check, from their {@code photo_check} rows: right after the save
 * commits (off the request's thread: nobody waits on WeChat), and again from {@link #submitDue} for calls that
 * failed or never ran (the instance stopped). Each attempt is claimed with a conditional UPDATE, so two instances
 * do not both submit a photo. After five failed attempts — or at once when no mini-program is
 * configured — the photo is UNCHECKED: hidden from strangers, 待人工审核 for staff. A verdict that never arrives is
 * given up on after {@link #VERDICT_WAIT} the same way.
 */
@Component
public class PhotoCheckRequests {

    private static final Logger log = LoggerFactory.getLogger(PhotoCheckRequests.class);

    /** The first attempt and {@link Backoff#WECHAT}'s four retries (after 1, 5, 15, 60 minutes). */
    static final int MAX_ATTEMPTS = Backoff.WECHAT.pauses().size() + 1;
    /** WeChat pushes its verdict within minutes; after this long none is coming. */
    static final Duration VERDICT_WAIT = Duration.ofHours(2);

    private final PhotoCheckMapper checks;
    private final PhotoUploads uploads;
    private final MiniProgram miniProgram;
    private final TaskExecutor executor;
    private final Clock clock;

    PhotoCheckRequests(PhotoCheckMapper checks, PhotoUploads uploads, MiniProgram miniProgram,
                       TaskExecutor applicationTaskExecutor, Clock clock) {
        this.checks = checks;
        this.uploads = uploads;
        this.miniProgram = miniProgram;
        this.executor = applicationTaskExecutor;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(PhotoChecks.PhotosAttached attached) {
        for (long id : attached.checkIds()) {
            try {
                executor.execute(() -> submit(id));
            } catch (TaskRejectedException busy) {
                log.info("Photo check {} left to the retry scan", id);
            }
        }
    }

    /** Submits the photos whose attempt is due; returns how many were attempted. */
    public int submitDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        // a verdict that never came: staff decide
        checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getStatus, PhotoCheck.Status.UNCHECKED)
                .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING)
                .isNotNull(PhotoCheck::getTraceId)
                .lt(PhotoCheck::getSubmittedAt, now.minus(VERDICT_WAIT)));
        // the last attempt's instance died during the call: no attempt is left
        checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getStatus, PhotoCheck.Status.UNCHECKED)
                .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING)
                .isNull(PhotoCheck::getTraceId)
                .isNull(PhotoCheck::getNextAttemptAt)
                .ge(PhotoCheck::getAttempts, MAX_ATTEMPTS)
                .lt(PhotoCheck::getUpdatedAt, now.minus(Duration.ofMinutes(10))));
        List<PhotoCheck> due = checks.selectList(new LambdaQueryWrapper<PhotoCheck>()
                .select(PhotoCheck::getId)
                .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING)
                .isNull(PhotoCheck::getTraceId)
                .le(PhotoCheck::getNextAttemptAt, now)
                .orderByAsc(PhotoCheck::getNextAttemptAt).last("LIMIT 200"));
        due.forEach(c -> submit(c.getId()));
        return due.size();
    }

    /** One attempt for one photo, if it is still waiting for one and nobody else took it. */
    void submit(long id) {
        PhotoCheck check = checks.selectById(id);
        LocalDateTime now = LocalDateTime.now(clock);
        if (check == null || check.getStatus() != PhotoCheck.Status.PENDING || check.getTraceId() != null
                || check.getNextAttemptAt() == null || check.getNextAttemptAt().isAfter(now)) {
            return;
        }
        int attempt = check.getAttempts() + 1;
        // the next attempt is set before the call: an instance that dies mid-call leaves the row due again
        LocalDateTime next = Backoff.WECHAT.next(attempt, now).orElse(null);
        int claimed = checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getAttempts, attempt)
                .set(PhotoCheck::getNextAttemptAt, next)
                .set(PhotoCheck::getUpdatedAt, now)
                .eq(PhotoCheck::getId, id)
                .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING)
                .isNull(PhotoCheck::getTraceId)
                .eq(PhotoCheck::getAttempts, check.getAttempts()));
        if (claimed == 0) {
            return;
        }
        if (!miniProgram.configured()) {
            giveUp(id, -1);
            return;
        }
        try {
            String url = uploads.urlForCheck(check.getPhotoKey());
            String traceId = check.getOpenId() != null
                    ? miniProgram.checkImageAsync(check.getOpenId(), sceneOf(check.getOwnerType()), url)
                    : miniProgram.checkImageAsyncWithoutUser(url);
            checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                    .set(PhotoCheck::getTraceId, traceId)
                    .set(PhotoCheck::getSubmittedAt, LocalDateTime.now(clock))
                    .set(PhotoCheck::getNextAttemptAt, null)
                    .set(PhotoCheck::getLastErrcode, null)
                    .eq(PhotoCheck::getId, id)
                    .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING));
        } catch (MiniProgramException e) {
            failed(id, attempt, e.errcode());
        } catch (PhotoStorageUnavailable e) {
            failed(id, attempt, -1);
        }
    }

    private void failed(long id, int attempt, int errcode) {
        log.warn("Photo check {} not submitted (attempt {}, errcode {})", id, attempt, errcode);
        if (attempt >= MAX_ATTEMPTS) {
            giveUp(id, errcode);
        } else {
            checks.update(null, new LambdaUpdateWrapper<PhotoCheck>().set(PhotoCheck::getLastErrcode, errcode)
                    .eq(PhotoCheck::getId, id));
        }
    }

    private void giveUp(long id, int errcode) {
        checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getStatus, PhotoCheck.Status.UNCHECKED)
                .set(PhotoCheck::getLastErrcode, errcode)
                .set(PhotoCheck::getNextAttemptAt, null)
                .eq(PhotoCheck::getId, id)
                .eq(PhotoCheck::getStatus, PhotoCheck.Status.PENDING));
    }

    /** The v2 check's scene: a family's request is a post others read, a completion report a comment on it. */
    private static MiniProgram.ContentScene sceneOf(PhotoCheck.Owner owner) {
        return owner == PhotoCheck.Owner.COMPLETION ? MiniProgram.ContentScene.COMMENT : MiniProgram.ContentScene.FORUM;
    }
}
