package org.qingnuan.story;

import org.qingnuan.api.story.SubjectKind;
import org.qingnuan.volunteer.StoryConsent;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.org.OrgService;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.story.StoryRequests.SaveStory;
import org.qingnuan.story.StoryRequests.StoryQuery;
import org.qingnuan.story.internal.StoryMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The staff side of stories: write, edit, publish, withdraw. Jurisdiction is not checked here: every
 * statement on {@code story} is limited to the caller's subtree by the jurisdiction filter, so a
 * story of another city is simply not found (404).
 */
@Service
public class StaffStories {

    private final StoryMapper stories;
    private final StoryPhotos photos;
    private final OrgService orgs;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final StoryConsent consent;
    private final StoryTextCheck textCheck;

    StaffStories(StoryMapper stories, StoryPhotos photos, OrgService orgs, AuditTrail auditTrail,
                 TransactionTemplate transactions, Clock clock, StoryConsent consent, StoryTextCheck textCheck) {
        this.textCheck = textCheck;
        this.consent = consent;
        this.stories = stories;
        this.photos = photos;
        this.orgs = orgs;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The jurisdiction's stories, most recently changed first. */
    public PageView<StoryAdminView> list(StoryQuery query, PageQuery paging) {
        LambdaQueryWrapper<Story> where = new LambdaQueryWrapper<Story>()
                .eq(query.status() != null, Story::getStatus, query.status())
                .orderByDesc(Story::getUpdatedAt).orderByDesc(Story::getId);
        Page<Story> page = stories.selectPage(Pages.of(paging), where);
        Map<Long, String> orgNames = orgs.names(page.getRecords().stream().map(Story::getOrgId).distinct().toList());
        return Pages.view(page).map(s -> view(s, orgNames.get(s.getOrgId())));
    }

    public StoryAdminView detail(long id) {
        Story story = get(id);
        return view(story, orgs.names(List.of(story.getOrgId())).get(story.getOrgId()));
    }

    /** A new story is a draft of the writer's own org. */
    public long create(SaveStory r) {
        StaffPrincipal staff = CurrentStaff.require();
        // OSS is asked before the transaction: no connection is held while it answers
        photos.requireAcceptable(staff.staffId(), r.photoKeys(), Set.of());
        return transactions.execute(tx -> {
            Story story = new Story();
            story.setOrgId(staff.orgId());
            story.setCreatedBy(staff.staffId());
            story.setStatus(StoryStatus.DRAFT);
            apply(story, r);
            stories.insert(story);
            photos.attach(story, staff.staffId(), r.photoKeys());
            auditTrail.record("STORY_CREATED", "STORY", story.getId(), story.getOrgId(), detail(story));
            return story.getId();
        });
    }

    /** Replaces the content of a draft or withdrawn story; a published one must be withdrawn first. */
    public void update(long id, SaveStory r) {
        if (r.version() == null) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "version", "修改时须带上读取时的版本号（version）");
        }
        StaffPrincipal staff = CurrentStaff.require();
        Story story = get(id);
        requireEditable(story);
        if (!Objects.equals(story.getVersion(), r.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        photos.requireAcceptable(staff.staffId(), r.photoKeys(), photos.keys(story.getPhotoKeys()));
        transactions.executeWithoutResult(tx -> {
            apply(story, r);
            // the optimistic lock adds "AND version = ?": a publish or edit in between makes this change nothing
            if (stories.updateById(story) == 0) {
                throw new DomainException(CommonError.VERSION_CONFLICT);
            }
            photos.attach(story, staff.staffId(), r.photoKeys());
            auditTrail.record("STORY_UPDATED", "STORY", id, story.getOrgId(), detail(story));
        });
    }

    /**
     * A volunteer story goes out only about a chosen volunteer who agreed to appear (PIPL); a team story needs
     * no one's consent. A withdrawal of consent takes published stories down ({@link #onConsentWithdrawn}).
     */
    public void publish(long id) {
        StaffPrincipal staff = CurrentStaff.require();
        Story story = get(id);
        requireConsent(story);
        // WeChat is asked before the transaction; risky text is refused here, unchecked text goes out marked
        Story.TextCheck checked = textCheck.check(story);
        LocalDateTime now = LocalDateTime.now(clock);
        transition(id, StoryStatus.PUBLISHED, Set.of(StoryStatus.DRAFT, StoryStatus.WITHDRAWN), "STORY_PUBLISHED",
                update -> update.set(Story::getPublishedAt, now).set(Story::getPublishedBy, staff.staffId())
                        .set(Story::getTextCheck, checked));
    }

    /** Takes a story out of the mini-program at once; it can be edited and published again. */
    public void withdraw(long id) {
        transition(id, StoryStatus.WITHDRAWN, Set.of(StoryStatus.PUBLISHED), "STORY_WITHDRAWN", update -> {
        });
    }

    public UploadPolicyView photoPolicy(String contentType, long size) {
        return photos.policy(CurrentStaff.require().staffId(), contentType, size);
    }

    /**
     * One conditional UPDATE (status among {@code from}, within the jurisdiction) decides: two staff
     * pressing publish at once change the row once; the loser gets 409 with the current state.
     */
    private void transition(long id, StoryStatus to, Set<StoryStatus> from, String action,
                            Consumer<LambdaUpdateWrapper<Story>> extra) {
        transactions.executeWithoutResult(tx -> {
            LambdaUpdateWrapper<Story> update = new LambdaUpdateWrapper<Story>()
                    .set(Story::getStatus, to)
                    .set(Story::getUpdatedAt, LocalDateTime.now(clock))
                    .setSql("version = version + 1")
                    .eq(Story::getId, id)
                    .in(Story::getStatus, from);
            extra.accept(update);
            if (stories.update(null, update) == 0) {
                Story current = get(id);
                throw new DomainException(StoryError.STORY_STATE_CONFLICT,
                        "这条先进典型当前为“" + current.getStatus().label() + "”，不能这样操作，请刷新后查看",
                        List.of(new ApiError.FieldError("status", current.getStatus().name())));
            }
            Story story = get(id);
            auditTrail.record(action, "STORY", id, story.getOrgId(), detail(story));
        });
    }

    private Story get(long id) {
        Story story = stories.selectById(id);
        if (story == null) {
            throw new DomainException(StoryError.STORY_NOT_FOUND);
        }
        return story;
    }

    private static void requireEditable(Story story) {
        if (!story.getStatus().editable()) {
            throw new DomainException(StoryError.STORY_NOT_EDITABLE, StoryError.STORY_NOT_EDITABLE.message(),
                    List.of(new ApiError.FieldError("status", story.getStatus().name())));
        }
    }

    private void requireConsent(Story story) {
        if (story.getSubjectKind() != SubjectKind.VOLUNTEER) {
            return;
        }
        if (story.getSubjectVolunteerId() == null) {
            throw new DomainException(StoryError.STORY_CONSENT_MISSING,
                    "请先在编辑中选择这篇典型写的是哪位志愿者；发布前须经本人在小程序中同意展示",
                    List.of(new ApiError.FieldError("subjectVolunteerId", "请选择志愿者")));
        }
        StoryConsent.Subject subject = consent.subject(story.getSubjectVolunteerId()).orElseThrow(() ->
                DomainException.onField(CommonError.VALIDATION_FAILED, "subjectVolunteerId", "找不到这位志愿者，或不在您的管辖范围内"));
        if (!subject.consented()) {
            throw new DomainException(StoryError.STORY_CONSENT_MISSING,
                    "志愿者“" + subject.name() + "”尚未同意展示其事迹：请本人在小程序“上岗准备”页中同意后再发布",
                    List.of(new ApiError.FieldError("subjectVolunteerId", "尚未同意")));
        }
    }

    /** Consent withdrawn: every published story about the volunteer comes down with the withdrawal. */
    @org.springframework.context.event.EventListener
    void onConsentWithdrawn(StoryConsent.Withdrawn withdrawn) {
        for (Story story : stories.publishedAbout(withdrawn.volunteerId())) {
            if (stories.withdrawPublished(story.getId(), LocalDateTime.now(clock)) == 1) {
                auditTrail.record(null, "STORY_WITHDRAWN", "STORY", story.getId(), story.getOrgId(),
                        Map.of("title", story.getTitle(), "reason", "志愿者撤回了展示同意"));
            }
        }
    }

    private void apply(Story story, SaveStory r) {
        story.setTitle(r.title());
        story.setSubjectKind(r.subjectKind());
        Long volunteerId = r.subjectKind() == SubjectKind.VOLUNTEER ? r.subjectVolunteerId() : null;
        if (volunteerId != null && consent.subject(volunteerId).isEmpty()) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "subjectVolunteerId", "找不到这位志愿者，或不在您的管辖范围内");
        }
        story.setSubjectVolunteerId(volunteerId);
        story.setSubjectName(r.subjectName());
        story.setBody(r.body());
        story.setPhotoKeys(photos.toJson(r.photoKeys()));
    }

    /** What the audit log keeps: the headline and state, not the body (it can be long; the row has it). */
    private Map<String, Object> detail(Story story) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", story.getTitle());
        detail.put("subjectKind", story.getSubjectKind());
        detail.put("subjectName", story.getSubjectName());
        detail.put("status", story.getStatus());
        detail.put("photos", photos.keys(story.getPhotoKeys()).size());
        return detail;
    }

    private StoryAdminView view(Story s, String orgName) {
        List<String> keys = photos.keys(s.getPhotoKeys());
        List<org.qingnuan.api.ticket.PhotoView> checked = photos.forStaff(keys);
        return new StoryAdminView(s.getId(), s.getOrgId(), orgName, s.getTitle(), s.getSubjectKind(),
                s.getSubjectKind().label(), s.getSubjectName(), s.getBody(), keys,
                checked.stream().map(org.qingnuan.api.ticket.PhotoView::url).toList(), s.getStatus(),
                s.getStatus().label(), s.getPublishedAt(), s.getPublishedBy(), s.getCreatedBy(), s.getCreatedAt(),
                s.getUpdatedAt(), s.getVersion(), s.getSubjectVolunteerId(),
                s.getSubjectVolunteerId() == null ? null
                        : consent.subject(s.getSubjectVolunteerId()).map(StoryConsent.Subject::consented).orElse(false),
                checked, s.getTextCheck() == null ? null : s.getTextCheck().name(),
                s.getTextCheck() == null ? null : s.getTextCheck().label());
    }
}
