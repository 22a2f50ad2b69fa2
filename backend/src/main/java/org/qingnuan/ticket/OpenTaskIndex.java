package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.redisson.api.GeoUnit;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open tasks by place, one Redis GEO set per category, so "open tasks I can do within my radius,
 * nearest first" is one GEOSEARCH per category. Redis only speeds this up: the database stays the
 * truth (the claim re-checks it), and when Redis cannot answer the board falls back to a bounding-box
 * query on the database.
 */
@Component
class OpenTaskIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskIndex.class);
    private static final String KEY = "qn:tasks:open:";

    private final RedissonClient redisson;
    private final HelpTicketMapper tickets;
    private final ClaimFlags flags;

    OpenTaskIndex(RedissonClient redisson, HelpTicketMapper tickets, ClaimFlags flags) {
        this.redisson = redisson;
        this.tickets = tickets;
        this.flags = flags;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onTransition(TicketTransitioned event) {
        if (event.to() != TicketStatus.OPEN && event.from() != TicketStatus.OPEN) {
            return;
        }
        if (event.to() == TicketStatus.OPEN) {
            // back in the pool (released, passed on): whoever claimed it last no longer holds it
            flags.drop(event.ticketId());
        }
        HelpTicket t = tickets.selectById(event.ticketId());
        if (t == null || t.getLatitude() == null || t.getLongitude() == null) {
            return;
        }
        try {
            RGeo<String> geo = geo(t.getCategory());
            if (t.getStatus() == TicketStatus.OPEN) {
                geo.add(t.getLongitude().doubleValue(), t.getLatitude().doubleValue(), t.getId().toString());
            } else {
                geo.remove(t.getId().toString());
            }
        } catch (RuntimeException redisDown) {
            log.warn("Open-task index not updated ({}); the board falls back to the database", redisDown.getClass().getSimpleName());
        }
    }

    /** Ids of open tasks within the radius, nearest first, with their distance in km; empty map when Redis failed. */
    Map<Long, Double> near(Set<TicketCategory> categories, BigDecimal latitude, BigDecimal longitude, int radiusKm, int limit) {
        Map<Long, Double> found = new LinkedHashMap<>();
        List<Map.Entry<Long, Double>> all = new ArrayList<>();
        // one search per category, all sent at once rather than one round trip after another
        List<org.redisson.api.RFuture<Map<String, Double>>> searches = new ArrayList<>();
        for (TicketCategory category : categories) {
            searches.add(geo(category).searchWithDistanceAsync(GeoSearchArgs
                    .from(longitude.doubleValue(), latitude.doubleValue()).radius(radiusKm, GeoUnit.KILOMETERS)
                    .order(org.redisson.api.GeoOrder.ASC).count(limit)));
        }
        for (org.redisson.api.RFuture<Map<String, Double>> search : searches) {
            search.toCompletableFuture().join().forEach((id, km) -> all.add(Map.entry(Long.valueOf(id), km)));
        }
        all.sort(Map.Entry.comparingByValue());
        all.stream().limit(limit).forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /**
     * Rebuilds the index from the database (after Redis lost it): only the columns the index needs, and one
     * GEOADD per category and thousand tasks rather than one per task.
     */
    int rebuild() {
        int n = 0;
        for (TicketCategory category : TicketCategory.values()) {
            RGeo<String> geo = geo(category);
            geo.delete();
            List<org.redisson.api.GeoEntry> batch = new ArrayList<>();
            for (HelpTicket t : tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                    .select(HelpTicket::getId, HelpTicket::getLatitude, HelpTicket::getLongitude)
                    .eq(HelpTicket::getStatus, TicketStatus.OPEN).eq(HelpTicket::getCategory, category)
                    .isNotNull(HelpTicket::getLatitude))) {
                batch.add(new org.redisson.api.GeoEntry(t.getLongitude().doubleValue(), t.getLatitude().doubleValue(),
                        t.getId().toString()));
                if (batch.size() == 1000) {
                    geo.add(batch.toArray(new org.redisson.api.GeoEntry[0]));
                    n += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                geo.add(batch.toArray(new org.redisson.api.GeoEntry[0]));
                n += batch.size();
            }
        }
        return n;
    }

    private RGeo<String> geo(TicketCategory category) {
        return redisson.getGeo(KEY + category.name(), StringCodec.INSTANCE);
    }
}
