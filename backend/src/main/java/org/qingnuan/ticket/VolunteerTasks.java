package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.SubmitTicketRequest;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.volunteer.TaskView;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The volunteers' task board: nearby open tasks, claiming one (exactly one claimer however many
 * press at once), releasing, starting and completing. Correctness comes from the database: the claim
 * is the lifecycle's conditional UPDATE, inside a transaction that first locks the volunteer's row
 * (so their count of active tasks cannot be raced). Redis only turns losers away early.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(TaskBoardProperties.class)
public class VolunteerTasks {

    private static final int NEARBY_LIMIT = 50;
    static final EnumSet<TicketStatus> ACTIVE = EnumSet.of(TicketStatus.CLAIMED, TicketStatus.IN_PROGRESS);

    private final HelpTicketMapper tickets;
    private final TaskBoardRows board;
    private final TicketLifecycle lifecycle;
    private final OpenTaskIndex index;
    private final ClaimGuard guard;
    private final TicketPhotos photos;
    private final TicketViews views;
    private final PersonalDataCipher cipher;
    private final Disclosures disclosures;
    private final ClaimFlags flags;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final org.qingnuan.org.OrgService orgs;
    private final DailyTaskCounts daily;

    private final TicketMeters meters;
    private final TicketContentCheck contentCheck;

    VolunteerTasks(org.qingnuan.org.OrgService orgs, HelpTicketMapper tickets, TaskBoardRows board, TicketLifecycle lifecycle, OpenTaskIndex index, ClaimGuard guard,
                   TicketPhotos photos, TicketViews views, PersonalDataCipher cipher, Disclosures disclosures,
                   ClaimFlags flags, TransactionTemplate transactions, ApplicationEventPublisher publisher,
                   Clock clock, TicketMeters meters, DailyTaskCounts daily, TicketContentCheck contentCheck) {
        this.contentCheck = contentCheck;
        this.meters = meters;
        this.orgs = orgs;
        this.daily = daily;
        this.tickets = tickets;
        this.board = board;
        this.lifecycle = lifecycle;
        this.index = index;
        this.guard = guard;
        this.photos = photos;
        this.views = views;
        this.cipher = cipher;
        this.disclosures = disclosures;
        this.flags = flags;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Open tasks the volunteer can do within their radius, nearest first; district only. */
    public List<TaskView> nearby(VolunteerActor v) {
        Map<Long, Double> near;
        try {
            near = index.near(v.categories(), v.latitude(), v.longitude(), v.radiusKm(), NEARBY_LIMIT);
        } catch (RuntimeException redisDown) {
            near = nearFromDatabase(v);
        }
        List<Long> units = ownUnits(v);
        if (near.isEmpty() && units.isEmpty()) {
            return List.of();
        }
        Map<Long, HelpTicket> nearRows = new java.util.HashMap<>();
        List<HelpTicket> offered = new ArrayList<>();
        for (HelpTicket t : board.board(near.keySet(), units, v.categories(), NEARBY_LIMIT)) {
            if (near.containsKey(t.getId())) {
                nearRows.put(t.getId(), t);
            } else {
                offered.add(t);
            }
        }
        List<TaskView> result = new ArrayList<>();
        near.forEach((id, km) -> {
            HelpTicket t = nearRows.get(id);
            // the index may lag a moment behind the database: the database decides
            if (t != null && openTo(v, t)) {
                result.add(view(t, roundedKm(km), false));
            }
        });
        // tasks a unit opened to its own volunteers are offered to them wherever they live
        for (HelpTicket t : offered) {
            if (openTo(v, t)) {
                result.add(view(t, distanceKm(v, t), false));
            }
        }
        return result;
    }

    /** The volunteer's org and those above it, whose tasks opened to their own volunteers are offered to them. */
    private List<Long> ownUnits(VolunteerActor v) {
        if (v.orgId() == null) {
            return List.of();
        }
        String path = orgs.pathUnscoped(v.orgId());
        return path == null ? List.of() : org.qingnuan.org.OrgUnit.idsOnPath(path);
    }

    /**
     * The one rule of what a volunteer may see before claiming, and so claim: a task within their radius of
     * their home point, or one a unit of theirs opened to its own volunteers (staff offered it to them).
     * Skills and the unit rule come on top ({@link #openTo}).
     */
    private boolean inReach(VolunteerActor v, HelpTicket t) {
        Double km = distanceKm(v, t);
        return (km != null && km <= v.radiusKm()) || (t.getOpenToOrgId() != null && mayServe(v, t));
    }

    private static Double distanceKm(VolunteerActor v, HelpTicket t) {
        if (t.getLatitude() == null || t.getLongitude() == null || v.latitude() == null || v.longitude() == null) {
            return null;
        }
        return roundedKm(org.qingnuan.shared.geo.Distances.km(v.latitude().doubleValue(), v.longitude().doubleValue(),
                t.getLatitude().doubleValue(), t.getLongitude().doubleValue()));
    }

    /**
     * One task, as the volunteer may see it: their own (the address and phone while it is active, each view
     * logged, as in {@link #mine}), or an open one in their reach (district only, as in {@link #nearby}).
     * Anything else — unknown, someone else's, closed, out of reach — is "not found", so that the answer does
     * not tell whether a task exists.
     */
    public TaskView task(VolunteerActor v, long ticketId) {
        HelpTicket t = tickets.selectById(ticketId);
        if (t == null) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        if (Long.valueOf(v.volunteerId()).equals(t.getClaimedBy())) {
            return revealed(v, t);
        }
        if (!inReach(v, t) || !openTo(v, t)) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        return view(t, distanceKm(v, t), false, true);
    }

    /** What the nearby list shows besides the distance: open, of the volunteer's skills, for their unit. */
    private boolean openTo(VolunteerActor v, HelpTicket t) {
        return t.getStatus() == TicketStatus.OPEN && v.categories().contains(t.getCategory()) && mayServe(v, t);
    }

    private static double roundedKm(double km) {
        return Math.round(km * 10) / 10.0;
    }

    /** The volunteer's claimed and started tasks, with the exact address and phone; each view is logged. */
    public List<TaskView> mine(VolunteerActor v) {
        List<HelpTicket> active = tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                .eq(HelpTicket::getClaimedBy, v.volunteerId()).in(HelpTicket::getStatus, ACTIVE)
                .orderByAsc(HelpTicket::getClaimedAt));
        return active.stream().map(t -> revealed(v, t)).toList();
    }

    /**
     * @param userId    the signed-in user, who holds the task's flag while claiming it
     * @param volunteer their volunteer record, on duty (read only once the flag does not turn them away)
     */
    public TaskView claim(long userId, Supplier<VolunteerActor> volunteer, long ticketId) {
        try {
            TaskView won = claimFor(Long.toString(userId), volunteer, ticketId);
            meters.claimWon();
            return won;
        } catch (DomainException refused) {
            if (refused.code() == TicketError.TICKET_STATE_CONFLICT) {
                meters.claimLost();
            }
            throw refused;
        }
    }

    private TaskView claimFor(String me, Supplier<VolunteerActor> volunteer, long ticketId) {
        // who presses a moment after someone else is turned away by Redis alone, without the database
        turnAwayIfTaken(flags.holder(ticketId), me);
        VolunteerActor v = volunteer.get();
        TaskBoardRows.Claimable read = board.claimable(ticketId, v.volunteerId());
        if (read == null) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        HelpTicket seen = read.task();
        if (!TicketAction.CLAIM.allowed(seen.getStatus(), TicketActor.Kind.VOLUNTEER)) {
            throw TicketLifecycle.conflict(seen.getStatus());
        }
        // what the nearby list would not show cannot be claimed: by id, out of the area, it is "not found"
        if (!inReach(v, seen)) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        if (!v.categories().contains(seen.getCategory())) {
            throw new DomainException(TicketError.SKILL_MISMATCH);
        }
        if (!mayServe(v, seen)) {
            throw new DomainException(TicketError.OWN_VOLUNTEERS_ONLY);
        }
        // one who holds as many tasks as they may must not take the flag from one who may claim
        daily.requireBelowCap(v, read.claimerActive());
        // whoever passed the checks takes the flag; one who finds it taken by someone else stops here
        String holder = flags.take(ticketId, me);
        turnAwayIfTaken(holder, me);
        HelpTicket claimed;
        try {
            claimed = transactions.execute(status -> {
                guard.lock(v.volunteerId());
                // under the volunteer's row lock: parallel claims of theirs are counted one after another
                daily.requireMayClaim(v);
                // the row as read before the flag: the conditional move checks its state and version, so a change in
                // between is a 409 with the current state, and a second read here would only cost a statement
                return lifecycle.claim(seen, v.actor(), v.volunteerId());
            });
        } catch (RuntimeException refused) {
            if (me.equals(holder)) {
                flags.drop(ticketId);
            }
            throw refused;
        }
        // a won flag stays until it expires, so that later presses are answered from Redis as well; a task that goes
        // back to the pool drops it (OpenTaskIndex)
        return revealed(v, claimed);
    }

    private static void turnAwayIfTaken(String holder, String me) {
        if (holder != null && !holder.equals(me)) {
            throw TicketLifecycle.conflict(TicketStatus.CLAIMED);
        }
    }

    /**
     * Staff name the volunteer (the responsible unit, or the family's side): the same checks as a claim — the
     * volunteer's skills, their cap of active tasks under their row lock, the conditional move — without the race.
     */
    public HelpTicket assign(VolunteerActor v, HelpTicket t, TicketActor staff, String note) {
        if (!v.categories().contains(t.getCategory())) {
            throw new DomainException(TicketError.SKILL_MISMATCH, "这位志愿者登记的技能不包括“" + t.getCategory().label() + "”");
        }
        return transactions.execute(status -> {
            guard.lock(v.volunteerId());
            long active = daily.active(v.volunteerId());
            if (active >= v.maxActiveTasks()) {
                throw new DomainException(TicketError.TOO_MANY_ACTIVE_TASKS,
                        "这位志愿者已有 " + active + " 个进行中的任务（最多 " + v.maxActiveTasks() + " 个），请另选一位");
            }
            return lifecycle.assign(t, staff, "指派给志愿者 " + v.name() + (note == null || note.isBlank() ? "" : "：" + note),
                    v.volunteerId());
        });
    }

    /** Active tasks of each volunteer (claimed or started). */
    public long activeTasks(long volunteerId) {
        return daily.active(volunteerId);
    }

    /** A task a unit opened to its own volunteers only is for volunteers of that unit (or below it). */
    private boolean mayServe(VolunteerActor v, HelpTicket t) {
        if (t.getOpenToOrgId() == null) {
            return true;
        }
        if (v.orgId() == null) {
            return false;
        }
        String unit = orgs.pathUnscoped(t.getOpenToOrgId());
        String own = orgs.pathUnscoped(v.orgId());
        return unit != null && own != null && own.startsWith(unit);
    }

    public TaskView release(VolunteerActor v, long ticketId, String reason) {
        HelpTicket t = own(v, ticketId);
        int[] today = new int[1];
        HelpTicket released = transactions.execute(status -> {
            guard.lock(v.volunteerId());
            HelpTicket back = lifecycle.release(t, v.actor(), reason);
            today[0] = daily.releasesToday(v.volunteerId());
            return back;
        });
        boolean quick = t.getClaimedAt() != null
                && t.getClaimedAt().plus(daily.quickRelease()).isAfter(LocalDateTime.now(clock));
        publisher.publishEvent(new TaskReleased(released.getId(), released.getOrgId(), v.name(),
                quick ? reason + "（认领后不久即放弃）" : reason, false, v.volunteerId(), v.orgId(), today[0],
                today[0] >= daily.releaseAlertAfter()));
        return view(released, null, false);
    }

    public TaskView start(VolunteerActor v, long ticketId) {
        HelpTicket t = own(v, ticketId);
        HelpTicket started = transactions.execute(status -> lifecycle.start(t, v.actor()));
        return revealed(v, started);
    }

    /**
     * Done, with a note and photos for the family. The note passes WeChat's text check like a family's text (risky is
     * refused; unsure or unchecked is kept from the family); the photos are checked after commit and reach the family
     * once WeChat passed them.
     */
    public TaskView complete(VolunteerActor v, long ticketId, String note, List<String> photoKeys, long userId, String openId) {
        HelpTicket t = own(v, ticketId);
        // OSS and WeChat are asked before the transaction: no connection is held while they answer
        photos.requireUploaded(userId, photoKeys);
        HelpTicket.ContentCheck noteCheck = note == null || note.isBlank() ? HelpTicket.ContentCheck.PASS
                : contentCheck.check(openId, org.qingnuan.wechat.MiniProgram.ContentScene.COMMENT, note);
        HelpTicket done = transactions.execute(status -> {
            HelpTicket moved = lifecycle.complete(t, v.actor(), note, views.keysJson(photoKeys), noteCheck);
            photos.attach(org.qingnuan.photocheck.PhotoCheck.Owner.COMPLETION, moved, userId, openId, photoKeys);
            return moved;
        });
        return view(done, null, false);
    }

    /**
     * Puts back in the pool the tasks claimed but not started in time (by the start of the family's
     * preferred window, else within {@code startWithin} of the claim), and tells staff.
     */
    public int releaseUnstarted(Duration startWithin) {
        LocalDateTime now = LocalDateTime.now(clock);
        int released = 0;
        for (HelpTicket t : tickets.selectList(new LambdaQueryWrapper<HelpTicket>().eq(HelpTicket::getStatus, TicketStatus.CLAIMED)
                .le(HelpTicket::getClaimedAt, now.minus(startWithin)).last("LIMIT 200"))) {
            LocalDateTime deadline = t.getWindowStart() != null && t.getWindowStart().isAfter(t.getClaimedAt().plus(startWithin))
                    ? t.getWindowStart() : t.getClaimedAt().plus(startWithin);
            if (deadline.isAfter(now)) {
                continue;
            }
            try {
                HelpTicket back = transactions.execute(status -> lifecycle.release(t, TicketActor.SYSTEM, "认领后未按时开始，已退回待认领"));
                publisher.publishEvent(TaskReleased.automatic(back.getId(), back.getOrgId(), "认领后未按时开始"));
                released++;
            } catch (DomainException movedMeanwhile) {
                // started or released between the read and the move
            }
        }
        return released;
    }

    /** Who served a task and for how long, for crediting hours. */
    public record ServiceRecord(long volunteerId, org.qingnuan.api.ticket.TicketCategory category, LocalDateTime startedAt,
                                LocalDateTime doneAt) {
    }

    /** The volunteer's part in a task, when a volunteer did it (staff may complete tasks themselves). */
    public java.util.Optional<ServiceRecord> serviceRecord(long ticketId) {
        HelpTicket t = tickets.selectById(ticketId);
        if (t == null || t.getClaimedBy() == null || t.getDoneAt() == null) {
            return java.util.Optional.empty();
        }
        LocalDateTime from = t.getStartedAt() != null ? t.getStartedAt() : t.getClaimedAt();
        return java.util.Optional.of(new ServiceRecord(t.getClaimedBy(), t.getCategory(), from, t.getDoneAt()));
    }

    /** Rebuilds the Redis index of open tasks from the database. */
    public int rebuildIndex() {
        return index.rebuild();
    }

    private HelpTicket own(VolunteerActor v, long ticketId) {
        HelpTicket t = tickets.selectById(ticketId);
        if (t == null || !Long.valueOf(v.volunteerId()).equals(t.getClaimedBy())) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        return t;
    }

    private TaskView revealed(VolunteerActor v, HelpTicket t) {
        boolean theirs = Long.valueOf(v.volunteerId()).equals(t.getClaimedBy()) && ACTIVE.contains(t.getStatus());
        if (theirs) {
            disclosures.recordVolunteerView(v.volunteerId(), v.name(), "HELP_TICKET", t.getId(), t.getOrgId(),
                    List.of("address", "contactPhone"));
        }
        return view(t, null, theirs, true);
    }

    private TaskView view(HelpTicket t, Double distanceKm, boolean withContact) {
        return view(t, distanceKm, withContact, false);
    }

    /**
     * @param withPhotos the family's photos, as a stranger sees them: only those WeChat passed (a list leaves
     *                   them out, as the family's list does)
     */
    private TaskView view(HelpTicket t, Double distanceKm, boolean withContact, boolean withPhotos) {
        return new TaskView(t.getId(), t.getCategory(), t.getCategory().label(), t.getUrgency(), t.getStatus(),
                cipher.open(t.getDescriptionSealed()), t.getDistrict(), distanceKm,
                t.getWindowStart() == null ? null : new SubmitTicketRequest.TimeWindow(t.getWindowStart(), t.getWindowEnd()),
                t.getContactMethod().label(),
                withContact ? cipher.open(t.getAddressSealed()) : null,
                withContact ? cipher.open(t.getContactPhoneSealed()) : null,
                t.getClaimedAt(), t.getStartedAt(),
                withPhotos ? photos.urls(views.keys(t.getPhotoKeys()), org.qingnuan.photocheck.PhotoChecks.Viewer.anyone()) : null);
    }

    /**
     * When Redis cannot answer (or has no index): a bounding box on the database (index on status, category,
     * latitude, longitude), nearest first by a flat-earth distance in SQL — so the limit keeps the nearest rows,
     * not arbitrary ones in a dense city — then exact distances. The box grows in steps (2, 5, 10 km, then the
     * volunteer's radius) and stops at the first that holds a full page within its own distance: those are the
     * nearest overall, and in a dense city the small box reads a few hundred index entries instead of the many
     * thousands of a 20 km box (docs/benchmarks.md, "Nearby tasks from the database").
     */
    private Map<Long, Double> nearFromDatabase(VolunteerActor v) {
        List<Map.Entry<Long, Double>> hits = List.of();
        for (int step : FALLBACK_STEPS_KM) {
            int km = Math.min(step, v.radiusKm());
            hits = inBox(v, km);
            if (hits.size() >= NEARBY_LIMIT || km == v.radiusKm()) {
                break;
            }
        }
        Map<Long, Double> near = new java.util.LinkedHashMap<>();
        hits.stream().limit(NEARBY_LIMIT).forEach(e -> near.put(e.getKey(), e.getValue()));
        return near;
    }

    private static final int[] FALLBACK_STEPS_KM = {2, 5, 10, Integer.MAX_VALUE};

    /** Open tasks of the volunteer's categories within {@code km} of their home point, nearest first. */
    private List<Map.Entry<Long, Double>> inBox(VolunteerActor v, int km) {
        double lat = v.latitude().doubleValue();
        double lng = v.longitude().doubleValue();
        double dLat = km / 111.0;
        double cos = Math.cos(Math.toRadians(lat));
        double dLng = km / (111.0 * cos);
        List<Map.Entry<Long, Double>> hits = new ArrayList<>();
        // numbers only (our own doubles), so they may be inlined into the ORDER BY
        String nearestFirst = String.format(java.util.Locale.ROOT,
                "ORDER BY (latitude - %.6f) * (latitude - %.6f) + (longitude - %.6f) * (longitude - %.6f) * %.6f LIMIT %d",
                lat, lat, lng, lng, cos * cos, NEARBY_LIMIT * 4);
        for (HelpTicket t : tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                .select(HelpTicket::getId, HelpTicket::getLatitude, HelpTicket::getLongitude)
                .eq(HelpTicket::getStatus, TicketStatus.OPEN)
                .in(HelpTicket::getCategory, v.categories())
                .between(HelpTicket::getLatitude, BigDecimal.valueOf(lat - dLat), BigDecimal.valueOf(lat + dLat))
                .between(HelpTicket::getLongitude, BigDecimal.valueOf(lng - dLng), BigDecimal.valueOf(lng + dLng))
                .last(nearestFirst))) {
            double d = org.qingnuan.shared.geo.Distances.km(lat, lng, t.getLatitude().doubleValue(), t.getLongitude().doubleValue());
            if (d <= km) {
                hits.add(Map.entry(t.getId(), d));
            }
        }
        hits.sort(Map.Entry.comparingByValue());
        return hits;
    }
}
