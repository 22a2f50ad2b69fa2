package org.qingnuan.story;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.story.SubjectKind;
import org.qingnuan.api.validation.PlainText;

import java.util.List;

/** Bodies and queries of the staff side of stories. */
public final class StoryRequests {

    /** Title and name are one line; the body may have line breaks (paragraphs). */
    private static final String ONE_LINE = "^[^\\r\\n\\t]*$";

    private StoryRequests() {
    }

    /**
     * Create (without {@code version}) or replace (with the {@code version} read) a story's content.
     * The subject's name is display text, not {@code Patterns.NAME}: real team names carry quotes
     * (“青春战疫”突击队), which that rule refuses; {@code @PlainText} still keeps markup out.
     */
    public record SaveStory(
            @Schema(description = "标题，最多 40 个字")
            @NotBlank(message = "请填写标题") @Size(max = 40, message = "标题最多 40 个字")
            @Pattern(regexp = ONE_LINE, message = "标题不能换行") @PlainText String title,
            @NotNull(message = "请选择典型类别（志愿者或团队）") SubjectKind subjectKind,
            @Schema(description = "志愿者姓名或团队名称，最多 40 个字")
            @NotBlank(message = "请填写志愿者姓名或团队名称") @Size(max = 40, message = "姓名或团队名称最多 40 个字")
            @Pattern(regexp = ONE_LINE, message = "姓名或团队名称不能换行") @PlainText String subjectName,
            @Schema(description = "正文，纯文字，最多 2000 个字，可以换行")
            @NotBlank(message = "请填写正文") @Size(max = 2000, message = "正文最多 2000 个字") @PlainText String body,
            @Schema(description = "照片的对象键（先用 photo-policy 上传），最多 9 张；修改时传完整列表，已有的照片保留原键")
            @Size(max = 9, message = "最多 9 张照片") List<@NotBlank(message = "照片的对象键不能为空") String> photoKeys,
            @Schema(description = "修改时必填：读取时的 version（防止覆盖他人的修改）；新建时不填")
            Integer version,
            @Schema(description = "志愿者典型：写的是哪位登记的志愿者（须在管辖范围内）；发布前须经本人在小程序中同意展示")
            Long subjectVolunteerId) {
    }

    public record StoryQuery(StoryStatus status) {
    }
}
