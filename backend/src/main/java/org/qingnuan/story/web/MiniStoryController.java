package org.qingnuan.story.web;

import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.story.MiniStoryApi;
import org.qingnuan.api.story.StoryCard;
import org.qingnuan.api.story.StoryView;
import org.qingnuan.story.PublishedStories;
import org.springframework.web.bind.annotation.RestController;

/** Any signed-in mini-program user may read; no role is needed (see docs/decisions.md, stories). */
@RestController
class MiniStoryController implements MiniStoryApi {

    private final PublishedStories stories;

    MiniStoryController(PublishedStories stories) {
        this.stories = stories;
    }

    @Override
    public PageView<StoryCard> list(PageQuery paging) {
        return stories.list(paging);
    }

    @Override
    public StoryView get(long id) {
        return stories.get(id);
    }
}
