package org.qingnuan.api.story;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;

/** One story in the mini-program's list: enough for a card, without the whole text. */
@Schema(description = "先进典型列表中的一项")
public record StoryCard(
        long id,
        @Schema(description = "标题") String title,
        SubjectKind subjectKind,
        @Schema(description = "类别的中文名，如“优秀志愿者”") String subjectKindLabel,
        @Schema(description = "志愿者姓名或团队名称") String subjectName,
        @Schema(description = "正文开头（最多 60 个字，超出以“…”结尾）") String excerpt,
        @Schema(description = "封面：第一张照片的临时地址（10 分钟内有效）；没有照片时为空") String coverUrl,
        @Schema(description = "照片张数") int photoCount,
        @Schema(description = "发布单位，如“共青团广州市委员会”") String orgName,
        @Schema(description = "发布时间（北京时间）") LocalDateTime publishedAt) {
}
