package org.qingnuan.story;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.story.StoryCard;
import org.qingnuan.api.story.StoryView;
import org.qingnuan.org.OrgService;
import org.qingnuan.photocheck.PhotoChecks;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.story.internal.StoryMapper;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Stories as the mini-program reads them: PUBLISHED only, from every league of the installation
 * (readers are not a jurisdiction; publicity is meant to travel). Anything else answers 404, so a draft's
 * or a withdrawn story's existence is not disclosed. Photos show once WeChat's media check passed them.
 */
@Service
public class PublishedStories {

    /** How much of the body a list card shows. */
    static final int EXCERPT_LENGTH = 60;

    private final StoryMapper stories;
    private final StoryPhotos photos;
    private final OrgService orgs;

    PublishedStories(StoryMapper stories, StoryPhotos photos, OrgService orgs) {
        this.stories = stories;
        this.photos = photos;
        this.orgs = orgs;
    }

    /** Newest publication first; a story published again after a withdrawal counts from its new date. */
    public PageView<StoryCard> list(PageQuery paging) {
        Page<Story> page = stories.selectPage(Pages.of(paging), new LambdaQueryWrapper<Story>()
                .eq(Story::getStatus, StoryStatus.PUBLISHED)
                .orderByDesc(Story::getPublishedAt).orderByDesc(Story::getId));
        Map<Long, String> orgNames = orgs.names(page.getRecords().stream().map(Story::getOrgId).distinct().toList());
        return Pages.view(page).map(s -> card(s, orgNames.get(s.getOrgId())));
    }

    public StoryView get(long id) {
        Story s = stories.selectOne(new LambdaQueryWrapper<Story>()
                .eq(Story::getId, id).eq(Story::getStatus, StoryStatus.PUBLISHED));
        if (s == null) {
            throw new DomainException(StoryError.STORY_NOT_FOUND);
        }
        return new StoryView(s.getId(), s.getTitle(), s.getSubjectKind(), s.getSubjectKind().label(), s.getSubjectName(),
                s.getBody(), photos.urls(photos.keys(s.getPhotoKeys()), PhotoChecks.Viewer.anyone()),
                orgs.names(List.of(s.getOrgId())).get(s.getOrgId()), s.getPublishedAt());
    }

    /** A card shows the first photo that passed WeChat's check, and counts only those that passed. */
    private StoryCard card(Story s, String orgName) {
        List<String> shown = photos.urls(photos.keys(s.getPhotoKeys()), PhotoChecks.Viewer.anyone());
        String cover = shown.isEmpty() ? null : shown.get(0);
        return new StoryCard(s.getId(), s.getTitle(), s.getSubjectKind(), s.getSubjectKind().label(), s.getSubjectName(),
                excerpt(s.getBody()), cover, shown.size(), orgName, s.getPublishedAt());
    }

    static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }
}
