package org.qingnuan.volunteer.web;

import org.qingnuan.api.volunteer.MiniStoryConsentApi;
import org.qingnuan.api.volunteer.StoryConsentView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.volunteer.StoryConsent;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MiniStoryConsentController implements MiniStoryConsentApi {

    private final StoryConsent consent;

    MiniStoryConsentController(StoryConsent consent) {
        this.consent = consent;
    }

    @Override
    public StoryConsentView storyConsent() {
        return consent.of(CurrentUser.require());
    }

    @Override
    public StoryConsentView setStoryConsent(StoryConsentView.Change change) {
        return consent.change(CurrentUser.require(), change.consent());
    }
}
