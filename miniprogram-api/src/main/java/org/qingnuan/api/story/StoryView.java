package org.qingnuan.api.story;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;

/** A published story as the mini-program shows it. */
@Schema(description = "先进典型详情")
public record StoryView(
        long id,
        @Schema(description = "标题") String title,
        SubjectKind subjectKind,
        @Schema(description = "类别的中文名，如“优秀志愿者”") String subjectKindLabel,
        @Schema(description = "志愿者姓名或团队名称") String subjectName,
        @Schema(description = "正文，纯文字，保留换行") String body,
        @Schema(description = "照片的临时地址（10 分钟内有效，过期后重新获取详情）") List<String> photoUrls,
        @Schema(description = "发布单位，如“共青团广州市委员会”") String orgName,
        @Schema(description = "发布时间（北京时间）") LocalDateTime publishedAt) {
}
