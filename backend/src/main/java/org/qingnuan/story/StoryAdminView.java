package org.qingnuan.story;

import org.qingnuan.api.story.SubjectKind;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A story as staff see it: with its keys (an edit sends the list back) and short-lived photo URLs.
 *
 * @param publishedAt when it was last published; kept after a withdrawal
 * @param subjectConsented for a volunteer story: whether the volunteer agreed to appear (null: no volunteer chosen)
 */
public record StoryAdminView(long id, long orgId, String orgName, String title, SubjectKind subjectKind,
                             String subjectKindLabel, String subjectName, String body, List<String> photoKeys,
                             List<String> photoUrls, StoryStatus status, String statusLabel, LocalDateTime publishedAt,
                             Long publishedBy, long createdBy, LocalDateTime createdAt, LocalDateTime updatedAt,
                             int version, Long subjectVolunteerId, Boolean subjectConsented) {
}
