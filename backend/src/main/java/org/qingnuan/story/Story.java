package org.qingnuan.story;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import org.qingnuan.api.story.SubjectKind;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/**
 * A story (先进典型) of an exemplary volunteer or team. It belongs to the org of the staff member who
 * wrote it, so the jurisdiction filter limits staff to their subtree; mini-program readers (no
 * jurisdiction) see every PUBLISHED one.
 */
@TableName("story")
@OrgScoped
public class Story extends Timestamped {

    private Long orgId;
    private String title;
    private SubjectKind subjectKind;
    private String subjectName;
    /** The registered volunteer a volunteer story is about (their consent decides publishing); null for teams. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long subjectVolunteerId;
    private String body;
    /** JSON array of OSS keys; null when there are none (an edit may remove every photo). */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String photoKeys;
    private StoryStatus status;
    private LocalDateTime publishedAt;
    private Long publishedBy;
    private Long createdBy;
    /** WeChat's check of the title and body when last published; null before. */
    private TextCheck textCheck;
    @Version
    private Integer version;

    /** The text check's outcome at publication: risky text is never published. */
    public enum TextCheck {
        PASS("已通过"), UNCHECKED("未能检测，请人工把关");

        private final String label;

        TextCheck(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public SubjectKind getSubjectKind() { return subjectKind; }
    public void setSubjectKind(SubjectKind subjectKind) { this.subjectKind = subjectKind; }
    public String getSubjectName() { return subjectName; }
    public Long getSubjectVolunteerId() { return subjectVolunteerId; }
    public void setSubjectVolunteerId(Long subjectVolunteerId) { this.subjectVolunteerId = subjectVolunteerId; }
    public void setSubjectName(String subjectName) { this.subjectName = subjectName; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getPhotoKeys() { return photoKeys; }
    public void setPhotoKeys(String photoKeys) { this.photoKeys = photoKeys; }
    public StoryStatus getStatus() { return status; }
    public void setStatus(StoryStatus status) { this.status = status; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public void setPublishedAt(LocalDateTime publishedAt) { this.publishedAt = publishedAt; }
    public Long getPublishedBy() { return publishedBy; }
    public void setPublishedBy(Long publishedBy) { this.publishedBy = publishedBy; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public TextCheck getTextCheck() { return textCheck; }
    public void setTextCheck(TextCheck textCheck) { this.textCheck = textCheck; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
