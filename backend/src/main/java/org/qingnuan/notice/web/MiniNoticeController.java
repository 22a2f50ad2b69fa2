package org.qingnuan.notice.web;

import org.qingnuan.api.mini.MiniNoticeApi;
import org.qingnuan.api.mini.MiniRequests;
import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.notice.FamilyNotices;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class MiniNoticeController implements MiniNoticeApi {

    private final FamilyNotices notices;

    MiniNoticeController(FamilyNotices notices) {
        this.notices = notices;
    }

    @Override
    public List<MiniUserView.Template> templates() {
        return notices.templateIds().stream().map(id -> new MiniUserView.Template(id, "求助进度通知")).toList();
    }

    @Override
    public MiniUserView.Consents recordConsents(MiniRequests.Consents request) {
        return new MiniUserView.Consents(notices.recordConsents(CurrentUser.require().userId(), request.acceptedTemplateIds()));
    }
}
