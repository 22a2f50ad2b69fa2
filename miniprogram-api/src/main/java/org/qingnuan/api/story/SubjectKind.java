package org.qingnuan.api.story;

import org.qingnuan.api.Labelled;
import io.swagger.v3.oas.annotations.media.Schema;

/** Whom a story is about. */
@Schema(description = "典型类别：VOLUNTEER 志愿者个人，TEAM 志愿服务团队")
public enum SubjectKind implements Labelled {
    VOLUNTEER("优秀志愿者"),
    TEAM("优秀团队");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
