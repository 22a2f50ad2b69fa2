package org.qingnuan.photocheck;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.ticket.PhotoView;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.photocheck.internal.PhotoCheckMapper;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.storage.PhotoUploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Photos are checked by WeChat before strangers see them. Features {@link #attach} the keys a save adds (in the
 * save's transaction; WeChat is asked after commit, {@link PhotoCheckRequests}) and show photos only through
 * {@link #urls} and {@link #photos}: the one rule of who sees what ({@link Viewer}).
 */
@Service
public class PhotoChecks {

    private final PhotoCheckMapper checks;
    private final PhotoUploads uploads;
    private final ApplicationEventPublisher events;
    private final AuditTrail auditTrail;
    private final OrgService orgs;
    private final Clock clock;

    PhotoChecks(PhotoCheckMapper checks, PhotoUploads uploads, ApplicationEventPublisher events, AuditTrail auditTrail,
                OrgService orgs, Clock clock) {
        this.checks = checks;
        this.uploads = uploads;
        this.events = events;
        this.auditTrail = auditTrail;
        this.orgs = orgs;
        this.clock = clock;
    }

    /**
     * Who uploaded a photo: a mini-program user (their openid goes with the check: WeChat's v2 check is per user)
     * or a staff member (v1, no openid).
     */
    public record Uploader(Long userId, String openId, Long staffId) {

        public static Uploader miniUser(long userId, String openId) {
            return new Uploader(userId, openId, null);
        }

        public static Uploader staff(long staffId) {
            return new Uploader(null, null, staffId);
        }
    }

    /**
     * Who looks: staff see every photo with its state; a mini-program user sees photos that passed, and their own
     * uploads that are not risky; anyone else (a published story's reader) only photos that passed.
     */
    public record Viewer(Kind kind, Long userId) {

        public enum Kind { STAFF, USER, ANYONE }

        public static Viewer staff() {
            return new Viewer(Kind.STAFF, null);
        }

        public static Viewer user(long userId) {
            return new Viewer(Kind.USER, userId);
        }

        public static Viewer anyone() {
            return new Viewer(Kind.ANYONE, null);
        }

        boolean sees(PhotoCheck check) {
            if (kind == Kind.STAFF) {
                return true;
            }
            if (check == null) {
                // a photo attached before checks existed: never checked, so not for strangers
                return false;
            }
            if (check.passed()) {
                return true;
            }
            return kind == Kind.USER && check.getStatus() != PhotoCheck.Status.RISKY
                    && Objects.equals(userId, check.getUploaderUserId());
        }
    }

    /**
     * Records the keys a save attaches to its request or story, in the caller's transaction; keys already recorded
     * (a story edited with the photos it had, a photo named twice) keep their check. WeChat is asked once the
     * transaction commits.
     */
    @Transactional
    public void attach(PhotoCheck.Owner owner, long ownerId, long orgId, Uploader uploader, Collection<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        Map<String, PhotoCheck> known = byKey(keys);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> added = new ArrayList<>();
        for (String key : new java.util.LinkedHashSet<>(keys)) {
            if (known.containsKey(key)) {
                continue;
            }
            PhotoCheck check = new PhotoCheck();
            check.setPhotoKey(key);
            check.setOwnerType(owner);
            check.setOwnerId(ownerId);
            check.setOrgId(orgId);
            check.setUploaderUserId(uploader.userId());
            check.setUploaderStaffId(uploader.staffId());
            check.setOpenId(uploader.openId());
            check.setStatus(PhotoCheck.Status.PENDING);
            check.setAttempts(0);
            check.setNextAttemptAt(now);
            checks.insert(check);
            added.add(check.getId());
        }
        if (!added.isEmpty()) {
            events.publishEvent(new PhotosAttached(List.copyOf(added)));
        }
    }

    /** Signed URLs of the photos the viewer may see, in the given order; none when storage cannot sign. */
    public List<String> urls(List<String> keys, Viewer viewer) {
        return uploads.urls(visible(keys, viewer).stream().map(PhotoCheckOrKey::key).toList());
    }

    /**
     * The photos the viewer may see with their state: staff get the exact state and the check's id (for 通过 /
     * 隐藏); the uploader sees 审核中 for anything not yet passed.
     */
    public List<PhotoView> photos(List<String> keys, Viewer viewer) {
        List<PhotoCheckOrKey> shown = visible(keys, viewer);
        List<String> urls = uploads.urls(shown.stream().map(PhotoCheckOrKey::key).toList());
        if (urls.size() != shown.size()) {
            return List.of();
        }
        List<PhotoView> views = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            PhotoCheck check = shown.get(i).check();
            PhotoCheck.Status status = check == null ? PhotoCheck.Status.UNCHECKED : check.getStatus();
            if (viewer.kind() == Viewer.Kind.STAFF) {
                views.add(new PhotoView(urls.get(i), status.name(), status.label(), check == null ? null : check.getId()));
            } else {
                PhotoCheck.Status seen = status == PhotoCheck.Status.PASS ? status : PhotoCheck.Status.PENDING;
                views.add(new PhotoView(urls.get(i), seen.name(), seen.label(), null));
            }
        }
        return views;
    }

    private record PhotoCheckOrKey(String key, PhotoCheck check) {
    }

    private List<PhotoCheckOrKey> visible(List<String> keys, Viewer viewer) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        Map<String, PhotoCheck> known = byKey(keys);
        List<PhotoCheckOrKey> shown = new ArrayList<>();
        for (String key : keys) {
            PhotoCheck check = known.get(key);
            if (viewer.sees(check)) {
                shown.add(new PhotoCheckOrKey(key, check));
            }
        }
        return shown;
    }

    private Map<String, PhotoCheck> byKey(Collection<String> keys) {
        Map<String, PhotoCheck> byKey = new HashMap<>();
        checks.selectList(new LambdaQueryWrapper<PhotoCheck>().in(PhotoCheck::getPhotoKey, keys))
                .forEach(c -> byKey.put(c.getPhotoKey(), c));
        return byKey;
    }

    /**
     * A staff member passes or hides a photo WeChat has not judged (still pending, or unsure, or unreachable). A
     * verdict already given (passed, or risky) stays. Only within the staff member's jurisdiction; audited.
     */
    @Transactional
    public PhotoView decide(long checkId, boolean pass) {
        PhotoCheck check = checks.selectById(checkId);
        Jurisdiction staff = Jurisdiction.current().orElseThrow(() -> new DomainException(PhotoCheckError.PHOTO_CHECK_NOT_FOUND));
        if (check == null || !staff.covers(orgs.pathUnscoped(check.getOrgId()))) {
            throw new DomainException(PhotoCheckError.PHOTO_CHECK_NOT_FOUND);
        }
        PhotoCheck.Status to = pass ? PhotoCheck.Status.PASS : PhotoCheck.Status.RISKY;
        int changed = checks.update(null, new LambdaUpdateWrapper<PhotoCheck>()
                .set(PhotoCheck::getStatus, to)
                .set(PhotoCheck::getDecidedAt, LocalDateTime.now(clock))
                .set(PhotoCheck::getDecidedBy, staff instanceof org.qingnuan.audit.AuditActor actor ? actor.staffId() : null)
                .eq(PhotoCheck::getId, checkId)
                .in(PhotoCheck::getStatus, PhotoCheck.Status.PENDING, PhotoCheck.Status.UNCHECKED));
        if (changed == 0) {
            throw new DomainException(PhotoCheckError.PHOTO_ALREADY_DECIDED);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("owner", check.getOwnerType());
        detail.put("ownerId", check.getOwnerId());
        detail.put("from", check.getStatus());
        auditTrail.record(pass ? "PHOTO_PASSED" : "PHOTO_HIDDEN", "PHOTO", checkId, check.getOrgId(), detail);
        List<String> url = uploads.urls(List.of(check.getPhotoKey()));
        return new PhotoView(url.isEmpty() ? null : url.get(0), to.name(), to.label(), checkId);
    }

    /** Asks WeChat after the save that attached photos committed. */
    record PhotosAttached(List<Long> checkIds) {
    }
}
