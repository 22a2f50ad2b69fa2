package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.redisson.api.GeoEntry;
import org.redisson.api.GeoOrder;
import org.redisson.api.GeoUnit;
import org.redisson.api.RFuture;
import org.redisson.api.RGeo;
import org.redisson.api.RedissonClient;
import org.redisson.api.geo.GeoSearchArgs;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open tasks by place, one Redis GEO set per category, so "open tasks I can do within my radius,
 * nearest first" is one GEOSEARCH per category. Redis only speeds this up: the database stays the
 * truth (the claim re-checks it), and when Redis cannot answer — or the index is not there, because Redis
 * restarted without its data — the board falls back to a bounding-box query on the database.
 *
 * <p>The index counts as there only while its marker ({@value #BUILT}) exists: a rebuild writes every
 * category into a scratch key, renames it into place, and sets the marker last. {@link OpenTaskReconciler}
 * rebuilds it at start, within seconds of finding the marker gone, and when its counts fall behind the
 * database's.
 */
@Component
class OpenTaskIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskIndex.class);
    private static final String KEY = "qn:tasks:open:";
    static final String BUILT = "qn:tasks:open-index:built";

    /** Redis has no usable index (gone with a restart, or being rebuilt): the database answers instead. */
    static final class Missing extends RuntimeException {
        Missing() {
            super("open-task index missing", null, false, false);
        }
    }

    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final HelpTicketMapper tickets;
    private final ClaimFlags flags;
    /** The circle searched first, km ({@code qingnuan.task-board.near-circle-km}; see {@link #near}); 0: none. */
    private final int nearCircleKm;

    OpenTaskIndex(RedissonClient redisson, RedisAvailability redis, HelpTicketMapper tickets, ClaimFlags flags,
                  TaskBoardProperties properties) {
        this.nearCircleKm = properties.nearCircleKm();
        this.redisson = redisson;
        this.redis = redis;
        this.tickets = tickets;
        this.flags = flags;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTransition(TicketTransitioned event) {
        if (event.to() != TicketStatus.OPEN && event.from() != TicketStatus.OPEN) {
            return;
        }
        if (event.to() != TicketStatus.OPEN) {
            // out of the pool (claimed, dispatched, cancelled): out of its category's set, without reading the row.
            // This runs on the mover's thread right after the commit, before anyone is told of the move, so a move
            // back into the pool cannot overtake it but by a moment; the reconciler settles that moment's miss.
            leave(event.category(), event.ticketId());
            return;
        }
        // back in the pool (released, passed on): whoever claimed it last no longer holds it
        flags.drop(event.ticketId());
        HelpTicket t = tickets.selectById(event.ticketId());
        if (t == null || t.getLatitude() == null || t.getLongitude() == null) {
            return;
        }
        try {
            redis.run(() -> {
                RGeo<String> geo = geo(t.getCategory());
                if (t.getStatus() == TicketStatus.OPEN) {
                    geo.add(t.getLongitude().doubleValue(), t.getLatitude().doubleValue(), t.getId().toString());
                } else {
                    geo.remove(t.getId().toString());
                }
            });
        } catch (RedisUnavailableException redisDown) {
            // the reconciler finds the count behind once Redis is back and rebuilds
            log.debug("Open-task index not updated: Redis unavailable");
        }
    }

    private void leave(TicketCategory category, long ticketId) {
        try {
            redis.run(() -> geo(category).remove(Long.toString(ticketId)));
        } catch (RedisUnavailableException redisDown) {
            log.debug("Open-task index not updated: Redis unavailable");
        }
    }

    /**
     * Ids of open tasks within the radius, nearest first, with their distance in km. Throws
     * {@link RedisUnavailableException} when Redis is down and {@link Missing} when the index is not there.
     */
    Map<Long, Double> near(Set<TicketCategory> categories, BigDecimal latitude, BigDecimal longitude, int radiusKm, int limit) {
        // a near circle first: in a city it already holds the nearest `limit`, and a GEOSEARCH costs Redis in proportion
        // to the members inside its circle (issue 19: 20 km at a city centre scans ten times the members of 5 km)
        if (nearCircleKm > 0 && radiusKm > nearCircleKm) {
            Map<Long, Double> close = nearWithin(categories, latitude, longitude, nearCircleKm, limit);
            // the nearest `limit` of all categories together are inside the near circle once it holds that many
            if (close.size() >= limit) {
                return close;
            }
        }
        return nearWithin(categories, latitude, longitude, radiusKm, limit);
    }

    private Map<Long, Double> nearWithin(Set<TicketCategory> categories, BigDecimal latitude, BigDecimal longitude,
                                         int radiusKm, int limit) {
        return redis.call(() -> {
            // the marker and one search per category, all sent at once rather than one round trip after another
            RFuture<Boolean> built = redisson.getBucket(BUILT, StringCodec.INSTANCE).isExistsAsync();
            List<RFuture<Map<String, Double>>> searches = new ArrayList<>();
            for (TicketCategory category : categories) {
                searches.add(geo(category).searchWithDistanceAsync(GeoSearchArgs
                        .from(longitude.doubleValue(), latitude.doubleValue()).radius(radiusKm, GeoUnit.KILOMETERS)
                        .order(GeoOrder.ASC).count(limit)));
            }
            if (!built.toCompletableFuture().join()) {
                throw new Missing();
            }
            List<Map.Entry<Long, Double>> all = new ArrayList<>();
            for (RFuture<Map<String, Double>> search : searches) {
                search.toCompletableFuture().join().forEach((id, km) -> all.add(Map.entry(Long.valueOf(id), km)));
            }
            all.sort(Map.Entry.comparingByValue());
            Map<Long, Double> found = new LinkedHashMap<>();
            all.stream().limit(limit).forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        });
    }

    /** Whether the index is there (its marker exists). */
    boolean built() {
        return redis.call(() -> redisson.getBucket(BUILT, StringCodec.INSTANCE).isExists());
    }

    /** Members of each category's set, for comparing with the database. */
    Map<TicketCategory, Integer> sizes() {
        return redis.call(() -> {
            Map<TicketCategory, RFuture<Integer>> sizes = new EnumMap<>(TicketCategory.class);
            for (TicketCategory category : TicketCategory.values()) {
                sizes.put(category, geo(category).sizeAsync());
            }
            Map<TicketCategory, Integer> out = new EnumMap<>(TicketCategory.class);
            sizes.forEach((category, size) -> out.put(category, size.toCompletableFuture().join()));
            return out;
        });
    }

    /**
     * Rebuilds the index from the database (after Redis lost it): only the columns the index needs, one GEOADD per
     * category and thousand tasks into a scratch key, renamed into place, so readers never see half an index.
     */
    int rebuild() {
        return redis.call(() -> {
            int n = 0;
            for (TicketCategory category : TicketCategory.values()) {
                RGeo<String> scratch = redisson.getGeo(KEY + category.name() + ":building", StringCodec.INSTANCE);
                scratch.delete();
                List<GeoEntry> batch = new ArrayList<>();
                int inCategory = 0;
                for (HelpTicket t : tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                        .select(HelpTicket::getId, HelpTicket::getLatitude, HelpTicket::getLongitude)
                        .eq(HelpTicket::getStatus, TicketStatus.OPEN).eq(HelpTicket::getCategory, category)
                        .isNotNull(HelpTicket::getLatitude).isNotNull(HelpTicket::getLongitude))) {
                    batch.add(new GeoEntry(t.getLongitude().doubleValue(), t.getLatitude().doubleValue(), t.getId().toString()));
                    if (batch.size() == 1000) {
                        scratch.add(batch.toArray(new GeoEntry[0]));
                        inCategory += batch.size();
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    scratch.add(batch.toArray(new GeoEntry[0]));
                    inCategory += batch.size();
                }
                if (inCategory == 0) {
                    geo(category).delete();
                } else {
                    scratch.rename(KEY + category.name());
                }
                n += inCategory;
            }
            redisson.getBucket(BUILT, StringCodec.INSTANCE).set(Long.toString(System.currentTimeMillis()));
            return n;
        });
    }

    private RGeo<String> geo(TicketCategory category) {
        return redisson.getGeo(KEY + category.name(), StringCodec.INSTANCE);
    }
}
