package org.qingnuan.ledger;

import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.ledger.internal.LedgerMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's facts per org, read with one query per figure for a whole subtree (or the whole tree, for the
 * nightly job), then summed over any subtree in memory. Sums are exact: a request and its history carry
 * one org (the family's), so distinct requests per org add up to distinct requests of the subtree.
 * Medians cannot be summed, so the durations themselves are kept.
 */
final class DayFacts {

    private static final TicketCategory[] CATEGORIES = TicketCategory.values();
    private static final Channel[] CHANNELS = Channel.values();

    /** What one org contributes. */
    private static final class OrgFacts {
        final long[] byCategory = new long[CATEGORIES.length];
        final long[] byChannel = new long[CHANNELS.length];
        long accepted, dispatched, claimed, done, confirmed, overdue, openAtEnd, rated, ratingTotal;
        final List<Long> firstResponseSeconds = new ArrayList<>();
        final List<Long> doneSeconds = new ArrayList<>();
    }

    private final Map<Long, OrgFacts> byOrg = new HashMap<>();

    private DayFacts() {
    }

    /**
     * Reads the facts of {@code day} for the given orgs (a subtree, or all). {@code live}: the day is today, so
     * "still open at the end of the day" is the status now.
     */
    static DayFacts read(LedgerMapper mapper, Collection<Long> orgs, LocalDate day, boolean live) {
        return read(mapper, orgs, day, live, Runnable::run);
    }

    /**
     * The same, with the figures' queries sent side by side on {@code executor} (each on its own connection):
     * a staff member waiting for today's ledger waits for the slowest query, not for the sum of them.
     */
    static DayFacts read(LedgerMapper mapper, Collection<Long> orgs, LocalDate day, boolean live,
                         java.util.concurrent.Executor executor) {
        LocalDateTime from = day.atStartOfDay();
        LocalDateTime to = day.plusDays(1).atStartOfDay();
        var newTickets = supply(() -> mapper.newTickets(orgs, from, to), executor);
        var onceMoves = supply(() -> mapper.onceMoves(orgs, from, to), executor);
        var repeatMoves = supply(() -> mapper.repeatMoves(orgs, from, to), executor);
        var overdue = supply(() -> mapper.overdue(orgs, from, to), executor);
        var open = supply(() -> live ? mapper.openNow(orgs) : mapper.openAt(orgs, to), executor);
        var firstResponses = supply(() -> mapper.firstResponses(orgs, from, to), executor);
        var completions = supply(() -> mapper.completions(orgs, from, to), executor);
        var ratings = supply(() -> mapper.ratings(orgs, from, to), executor);
        DayFacts facts = new DayFacts();
        for (LedgerMapper.NewCount c : join(newTickets)) {
            OrgFacts f = facts.of(c.orgId());
            f.byCategory[TicketCategory.valueOf(c.category()).ordinal()] += c.n();
            f.byChannel[Channel.valueOf(c.channel()).ordinal()] += c.n();
        }
        List<LedgerMapper.OrgCount> moves = new ArrayList<>(join(onceMoves));
        moves.addAll(join(repeatMoves));
        for (LedgerMapper.OrgCount c : moves) {
            OrgFacts f = facts.of(c.orgId());
            switch (c.key()) {
                case "ACCEPT" -> f.accepted += c.n();
                case "DISPATCH" -> f.dispatched += c.n();
                case "CLAIM" -> f.claimed += c.n();
                case "COMPLETE" -> f.done += c.n();
                case "CONFIRM" -> f.confirmed += c.n();
                default -> throw new IllegalStateException("Unexpected move " + c.key());
            }
        }
        join(overdue).forEach(c -> facts.of(c.orgId()).overdue += c.n());
        join(open).forEach(c -> facts.of(c.orgId()).openAtEnd += c.n());
        join(firstResponses).forEach(sp -> facts.of(sp.orgId()).firstResponseSeconds.add(seconds(sp)));
        join(completions).forEach(sp -> facts.of(sp.orgId()).doneSeconds.add(seconds(sp)));
        for (LedgerMapper.RatingSum r : join(ratings)) {
            OrgFacts f = facts.of(r.orgId());
            f.rated += r.n();
            f.ratingTotal += r.total();
        }
        return facts;
    }

    private static <T> java.util.concurrent.CompletableFuture<T> supply(java.util.function.Supplier<T> query,
                                                                       java.util.concurrent.Executor executor) {
        return java.util.concurrent.CompletableFuture.supplyAsync(query, executor);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> query) {
        try {
            return query.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The figures of everything read. */
    Ledger.Figures figures() {
        return figures(byOrg.values());
    }

    /** The figures of the given orgs (a subtree) only. */
    Ledger.Figures figuresOf(Collection<Long> orgIds) {
        List<OrgFacts> parts = new ArrayList<>();
        for (Long id : orgIds) {
            OrgFacts f = byOrg.get(id);
            if (f != null) {
                parts.add(f);
            }
        }
        return figures(parts);
    }

    private static Ledger.Figures figures(Collection<OrgFacts> parts) {
        long[] byCategory = new long[CATEGORIES.length];
        long[] byChannel = new long[CHANNELS.length];
        long accepted = 0, dispatched = 0, claimed = 0, done = 0, confirmed = 0, overdue = 0, open = 0, rated = 0, ratingTotal = 0;
        List<Long> firstResponse = new ArrayList<>();
        List<Long> doneTimes = new ArrayList<>();
        for (OrgFacts f : parts) {
            for (int i = 0; i < byCategory.length; i++) {
                byCategory[i] += f.byCategory[i];
            }
            for (int i = 0; i < byChannel.length; i++) {
                byChannel[i] += f.byChannel[i];
            }
            accepted += f.accepted;
            dispatched += f.dispatched;
            claimed += f.claimed;
            done += f.done;
            confirmed += f.confirmed;
            overdue += f.overdue;
            open += f.openAtEnd;
            rated += f.rated;
            ratingTotal += f.ratingTotal;
            firstResponse.addAll(f.firstResponseSeconds);
            doneTimes.addAll(f.doneSeconds);
        }
        List<Ledger.Count> categories = new ArrayList<>();
        for (TicketCategory c : CATEGORIES) {
            categories.add(new Ledger.Count(c.name(), c.label(), byCategory[c.ordinal()]));
        }
        List<Ledger.Count> channels = new ArrayList<>();
        for (Channel c : CHANNELS) {
            channels.add(new Ledger.Count(c.name(), c.label(), byChannel[c.ordinal()]));
        }
        Double averageRating = rated == 0 ? null
                : BigDecimal.valueOf(ratingTotal).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP).doubleValue();
        return new Ledger.Figures(Arrays.stream(byCategory).sum(), categories, channels, accepted, dispatched, claimed,
                done, confirmed, overdue, open, medianMinutes(firstResponse), medianMinutes(doneTimes), averageRating, rated);
    }

    /** Median in minutes, one decimal; the mean of the two middle values for an even count. */
    static Double medianMinutes(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return BigDecimal.valueOf(median / 60.0).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static long seconds(LedgerMapper.Span s) {
        return s.seconds() == null ? 0 : Math.max(0, s.seconds());
    }

    private OrgFacts of(Long orgId) {
        return byOrg.computeIfAbsent(orgId, k -> new OrgFacts());
    }
}
