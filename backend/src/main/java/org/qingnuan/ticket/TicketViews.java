package org.qingnuan.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.ticket.MiniTicketView;
import org.qingnuan.api.ticket.PhotoView;
import org.qingnuan.photocheck.PhotoChecks;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.springframework.stereotype.Component;

import java.util.List;

/** Turns tickets into views: in clear for the family and for reveals, masked for staff lists. */
@Component
class TicketViews {

    /** How much of the description a staff list shows. */
    private static final int SUMMARY_LENGTH = 40;

    enum Detail { CLEAR, MASKED, SUMMARY }

    private final PersonalDataCipher cipher;
    private final HelpTicketEventMapper events;
    private final TicketPhotos photos;
    private final ObjectMapper json;

    TicketViews(PersonalDataCipher cipher, HelpTicketEventMapper events, TicketPhotos photos, ObjectMapper json) {
        this.cipher = cipher;
        this.events = events;
        this.photos = photos;
        this.json = json;
    }

    /** The staff's view: every photo, with its check's state. */
    TicketView view(HelpTicket t, Detail detail, boolean withHistory) {
        boolean list = detail == Detail.SUMMARY;
        List<PhotoView> requestPhotos = list ? null : photos.photos(keys(t.getPhotoKeys()), PhotoChecks.Viewer.staff());
        List<PhotoView> donePhotos = list ? null : photos.photos(keys(t.getDonePhotoKeys()), PhotoChecks.Viewer.staff());
        return base(t, detail, withHistory, urls(requestPhotos), t.getDoneNote(), urls(donePhotos))
                .withChecks(requestPhotos, donePhotos, t.getDoneNoteCheck() == null ? null : t.getDoneNoteCheck().name());
    }

    private TicketView base(HelpTicket t, Detail detail, boolean withHistory, List<String> photoUrls, String doneNote,
                            List<String> donePhotoUrls) {
        String description = cipher.open(t.getDescriptionSealed());
        String address = cipher.open(t.getAddressSealed());
        String phone = cipher.open(t.getContactPhoneSealed());
        if (detail != Detail.CLEAR) {
            address = address == null ? null : Masks.address(address);
            phone = phone == null ? null : Masks.phone(phone);
        }
        if (detail == Detail.SUMMARY && description.length() > SUMMARY_LENGTH) {
            description = description.substring(0, SUMMARY_LENGTH) + "…";
        }
        return new TicketView(t.getId(), t.getFamilyId(), t.getCategory(), t.getCategory().label(), t.getUrgency(),
                t.getUrgency().label(), t.getStatus(), t.getStatus().label(), t.getChannel(), t.getChannel().label(),
                Boolean.TRUE.equals(t.getCrisis()), t.getContentCheck().name(), description, address, t.getDistrict(),
                t.getWindowStart() == null ? null : new SubmitTicketRequest.TimeWindow(t.getWindowStart(), t.getWindowEnd()),
                t.getContactMethod(), t.getContactMethod().label(), phone, photoUrls, doneNote, donePhotoUrls,
                t.getRating(), t.getRatingComment(),
                t.getCloseReason(), t.getCloseReason() == null ? null : t.getCloseReason().label(),
                t.getCreatedAt(), t.getUpdatedAt(), withHistory ? history(t) : null);
    }

    private static List<String> urls(List<PhotoView> photos) {
        return photos == null ? null : photos.stream().map(PhotoView::url).toList();
    }

    /**
     * The family's view: in clear, without what only staff see (dispatch, actions, the crisis flag). Photos as the
     * viewing user may see them: their own uploads at once (审核中 until WeChat passed them), others' (the
     * volunteer's completion photos) only once passed; a completion note waiting for review is not shown.
     */
    MiniTicketView forFamily(HelpTicket t, boolean withHistory, long viewerUserId) {
        PhotoChecks.Viewer viewer = PhotoChecks.Viewer.user(viewerUserId);
        // a list (no history) leaves the photos out, as the contract says: no checks read, no URLs signed per row
        List<PhotoView> requestPhotos = withHistory ? photos.photos(keys(t.getPhotoKeys()), viewer) : null;
        List<PhotoView> donePhotos = withHistory ? photos.photos(keys(t.getDonePhotoKeys()), viewer) : null;
        String doneNote = t.getDoneNoteCheck() == HelpTicket.ContentCheck.REVIEW ? null : t.getDoneNote();
        TicketView v = base(t, Detail.CLEAR, false, urls(requestPhotos), doneNote, urls(donePhotos));
        List<MiniTicketView.Step> steps = withHistory ? history(t).stream()
                .map(e -> new MiniTicketView.Step(e.action(), e.actionLabel(), e.fromStatus(), e.toStatus(), e.actor(),
                        e.note(), e.at()))
                .toList() : null;
        return new MiniTicketView(v.id(), v.familyId(), v.category(), v.categoryLabel(), v.urgency(), v.urgencyLabel(),
                v.status(), v.statusLabel(), v.channel(), v.channelLabel(),
                t.getContentCheck() == HelpTicket.ContentCheck.REVIEW, v.crisis(), v.description(), v.address(), v.district(),
                v.preferredTime(), v.contactMethod(), v.contactMethodLabel(), v.contactPhone(), v.photoUrls(), v.doneNote(),
                v.donePhotoUrls(), v.rating(), v.ratingComment(), v.closeReason(), v.closeReasonLabel(), v.createdAt(),
                v.updatedAt(), steps, requestPhotos, donePhotos);
    }

    /** The request's history: as this call wrote it, for a request created in this call; else read. */
    List<TicketView.Event> history(HelpTicket t) {
        return t.historyIfWrittenHere().orElseGet(() -> events.historyOf(t.getId())).stream()
                .map(e -> new TicketView.Event(e.getAction().name(), e.getAction().label(), e.getFromStatus(),
                        e.getToStatus(), e.getActorName(), e.getNote(), e.getCreatedAt()))
                .toList();
    }

    String keysJson(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> keys(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(stored, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored photo keys are not a JSON list", e);
        }
    }
}
