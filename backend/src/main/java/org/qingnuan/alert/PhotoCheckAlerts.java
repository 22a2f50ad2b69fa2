package org.qingnuan.alert;

import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.photocheck.PhotoCheck;
import org.qingnuan.photocheck.PhotoRisky;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * WeChat called a photo risky: staff of the request's or story's organisation learn it at once (the photo is
 * already hidden from everyone but them), so they can look at it, talk to whoever uploaded it and act.
 */
@Component
class PhotoCheckAlerts {

    private final StaffAlertMapper alerts;

    PhotoCheckAlerts(StaffAlertMapper alerts) {
        this.alerts = alerts;
    }

    @EventListener
    void onRisky(PhotoRisky risky) {
        StaffAlert alert = new StaffAlert();
        alert.setOrgId(risky.orgId());
        alert.setKind(StaffAlert.Kind.PHOTO_RISKY);
        String title = switch (risky.owner()) {
            case REQUEST -> "求助 #" + risky.ownerId() + " 的照片未通过微信内容安全检测，已对志愿者隐藏，请查看";
            case COMPLETION -> "求助 #" + risky.ownerId() + " 的完成照片未通过微信内容安全检测，已对家属隐藏，请查看";
            case STORY -> "先进典型 #" + risky.ownerId() + " 的照片未通过微信内容安全检测，已在小程序中隐藏，请查看";
        };
        if (risky.owner() != PhotoCheck.Owner.STORY) {
            alert.setTicketId(risky.ownerId());
        }
        alert.setTitle(title);
        alerts.insert(alert);
    }
}
