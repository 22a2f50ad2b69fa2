package org.qingnuan.notice.web;

import org.qingnuan.api.mp.MpNoticeApi;
import org.qingnuan.api.mp.MpRequests;
import org.qingnuan.api.mp.MpUserView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.notice.FamilyNotices;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class MpNoticeController implements MpNoticeApi {

    private final FamilyNotices notices;

    MpNoticeController(FamilyNotices notices) {
        this.notices = notices;
    }

    @Override
    public List<MpUserView.Template> templates() {
        return notices.templateIds().stream().map(id -> new MpUserView.Template(id, "求助进度通知")).toList();
    }

    @Override
    public MpUserView.Consents recordConsents(MpRequests.Consents request) {
        return new MpUserView.Consents(notices.recordConsents(CurrentUser.require().userId(), request.acceptedTemplateIds()));
    }
}
