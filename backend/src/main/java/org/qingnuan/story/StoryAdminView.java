package org.qingnuan.story;

import org.qingnuan.api.story.SubjectKind;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A story as staff see it: with its keys (an edit sends the list back) and short-lived photo URLs.
 *
 * @param publishedAt when it was last published; kept after a withdrawal
 * @param subjectConsented for a volunteer story: whether the volunteer agreed to appear (null: no volunteer chosen)
 * @param photos     the photos with WeChat's check (审核中, 已通过, 已隐藏（违规）, 待人工审核): the mini-program shows only
 *                   those that passed
 * @param textCheck  WeChat's check of the title and body at the last publication: PASS, or UNCHECKED when WeChat
 *                   could not answer (published all the same); null before the first publication
 */
public record StoryAdminView(long id, long orgId, String orgName, String title, SubjectKind subjectKind,
                             String subjectKindLabel, String subjectName, String body, List<String> photoKeys,
                             List<String> photoUrls, StoryStatus status, String statusLabel, LocalDateTime publishedAt,
                             Long publishedBy, long createdBy, LocalDateTime createdAt, LocalDateTime updatedAt,
                             int version, Long subjectVolunteerId, Boolean subjectConsented,
                             List<org.qingnuan.api.ticket.PhotoView> photos, String textCheck, String textCheckLabel) {
}
