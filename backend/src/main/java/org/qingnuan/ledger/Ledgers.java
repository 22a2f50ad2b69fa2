package org.qingnuan.ledger;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.ledger.internal.LedgerMapper;
import org.qingnuan.ledger.internal.LedgerSnapshotMapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.ticket.StaffTickets;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily ledger of the signed-in staff member's subtree, or of an org inside it. Today is counted
 * live; a past day is read from its nightly snapshot when there is one, else counted the same way.
 * The org is looked up through the jurisdiction filter, so an org outside the subtree is "not found".
 */
@Service
public class Ledgers {

    private final LedgerMapper mapper;
    private final LedgerSnapshotMapper snapshots;
    private final OrgService orgs;
    private final StaffTickets tickets;
    private final ObjectMapper json;
    private final Clock clock;

    /** Runs the figures' queries of one ledger side by side. */
    private final java.util.concurrent.Executor queries;

    Ledgers(LedgerMapper mapper, LedgerSnapshotMapper snapshots, OrgService orgs, StaffTickets tickets,
            ObjectMapper json, Clock clock, org.springframework.core.task.TaskExecutor applicationTaskExecutor) {
        this.queries = applicationTaskExecutor;
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.orgs = orgs;
        this.tickets = tickets;
        this.json = json;
        this.clock = clock;
    }

    /** @param date {@code null}: today; @param orgId {@code null}: the caller's own org */
    public Ledger ledger(LocalDate date, Long orgId) {
        OrgUnit org = scope(orgId);
        LocalDate day = day(date);
        boolean today = day.equals(today());
        if (!today) {
            Optional<Ledger.Figures> kept = snapshot(org.getId(), day);
            if (kept.isPresent()) {
                return Ledger.of(org.getId(), org.getName(), day, false, kept.get());
            }
        }
        return Ledger.of(org.getId(), org.getName(), day, true, DayFacts.read(mapper, subtree(org), day, today, queries).figures());
    }

    /** The requests behind one figure of the day's ledger (list rows, personal data masked), newest first. */
    public PageView<TicketView> drill(LocalDate date, Long orgId, String figure, PageQuery paging) {
        OrgUnit org = scope(orgId);
        LocalDate day = day(date);
        List<Long> orgs = subtree(org);
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = day.plusDays(1).atStartOfDay();
        IPage<Long> page = Pages.of(paging);
        String f = figure == null ? "" : figure.trim();
        IPage<Long> ids;
        if (f.startsWith("category:")) {
            ids = mapper.newIds(page, orgs, from, to, parse(TicketCategory.class, f.substring(9)).name(), null);
        } else if (f.startsWith("channel:")) {
            ids = mapper.newIds(page, orgs, from, to, null, parse(Channel.class, f.substring(8)).name());
        } else {
            ids = switch (f) {
                case "new" -> mapper.newIds(page, orgs, from, to, null, null);
                case "accepted" -> mapper.moveIds(page, orgs, from, to, List.of("ACCEPT"));
                case "dispatched" -> mapper.moveIds(page, orgs, from, to, List.of("DISPATCH"));
                case "claimed" -> mapper.moveIds(page, orgs, from, to, List.of("CLAIM", "ASSIGN"));
                case "done" -> mapper.moveIds(page, orgs, from, to, List.of("COMPLETE"));
                case "confirmed" -> mapper.moveIds(page, orgs, from, to, List.of("CONFIRM", "CONFIRM_BY_PHONE", "AUTO_CONFIRM"));
                case "overdue" -> mapper.overdueIds(page, orgs, from, to);
                case "openAtEnd" -> day.equals(today()) ? mapper.openNowIds(page, orgs) : mapper.openAtIds(page, orgs, to);
                default -> throw new DomainException(LedgerError.LEDGER_FIGURE_UNKNOWN);
            };
        }
        return new PageView<>(tickets.summaries(ids.getRecords()), ids.getTotal(), ids.getCurrent(), ids.getSize());
    }

    /** The last {@code days} days up to today: snapshots where kept, counted otherwise (today always). */
    public List<Ledger.TrendPoint> trend(int days, Long orgId) {
        if (days < 1 || days > 60) {
            throw new DomainException(LedgerError.LEDGER_TREND_DAYS);
        }
        OrgUnit org = scope(orgId);
        LocalDate today = today();
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Ledger.Figures> kept = new HashMap<>();
        snapshots.selectList(new LambdaQueryWrapper<LedgerSnapshot>().eq(LedgerSnapshot::getOrgId, org.getId())
                        .between(LedgerSnapshot::getLedgerDate, first, today.minusDays(1)))
                .forEach(s -> kept.put(s.getLedgerDate(), read(s.getFigures())));
        List<Long> orgIds = subtree(org);
        List<Ledger.TrendPoint> points = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            boolean live = d.equals(today);
            Ledger.Figures f = kept.get(d);
            if (f == null) {
                f = DayFacts.read(mapper, orgIds, d, live).figures();
            }
            points.add(Ledger.of(org.getId(), org.getName(), d, live, f).trendPoint());
        }
        return points;
    }

    /** Requests of the subtree by their status now, every status listed (also with none). */
    /** What "在办" means everywhere (the ledger's open-at-end too): not yet done, nor ended early. */
    static final List<TicketStatus> OPEN_STATUSES = List.of(TicketStatus.SUBMITTED, TicketStatus.ACCEPTED,
            TicketStatus.OPEN, TicketStatus.DISPATCHED, TicketStatus.CLAIMED, TicketStatus.IN_PROGRESS);

    /** Open requests by status, now (the dashboard's donut): finished and done-awaiting-confirmation ones are not 在办. */
    public List<Ledger.StatusCount> status(Long orgId) {
        OrgUnit org = scope(orgId);
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (LedgerMapper.OrgCount c : mapper.openByStatus(subtree(org))) {
            counts.merge(TicketStatus.valueOf(c.key()), c.n(), Long::sum);
        }
        List<Ledger.StatusCount> rows = new ArrayList<>();
        for (TicketStatus s : OPEN_STATUSES) {
            rows.add(new Ledger.StatusCount(s.name(), s.label(), counts.getOrDefault(s, 0L)));
        }
        return rows;
    }

    Optional<Ledger.Figures> snapshot(long orgId, LocalDate day) {
        LedgerSnapshot s = snapshots.selectOne(new LambdaQueryWrapper<LedgerSnapshot>()
                .eq(LedgerSnapshot::getOrgId, orgId).eq(LedgerSnapshot::getLedgerDate, day));
        return s == null ? Optional.empty() : Optional.of(read(s.getFigures()));
    }

    String write(Ledger.Figures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Ledger.Figures read(String figures) {
        try {
            return json.readValue(figures, Ledger.Figures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A ledger snapshot is not readable", e);
        }
    }

    /** The org's subtree as the jurisdiction filter defines it; the org itself was read through the filter. */
    private List<Long> subtree(OrgUnit org) {
        return mapper.subtree(org.getPath());
    }

    private OrgUnit scope(Long orgId) {
        return orgs.get(orgId == null ? CurrentStaff.require().orgId() : orgId);
    }

    private LocalDate day(LocalDate date) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw DomainException.onField(LedgerError.LEDGER_DATE_IN_FUTURE, "date", "日期不能晚于今天（" + today + "）");
        }
        return date;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException e) {
            throw new DomainException(LedgerError.LEDGER_FIGURE_UNKNOWN);
        }
    }
}
