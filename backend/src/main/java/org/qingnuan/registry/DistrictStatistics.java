package org.qingnuan.registry;

import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.registry.internal.MedicalWorkerSpanMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper.HeadCount;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003 annex 1 (一线医护人员信息统计表) for the caller's jurisdiction: per district/county the
 * frontline staff in total and of them aiding Hubei, the same two figures per batch, and a total row.
 * Workers registered directly with a city or the province count in a "本级" row of that org.
 */
@Service
public class DistrictStatistics {

    private final MedicalWorkerSpanMapper spans;
    private final OrgService orgs;
    private final BatchList batchList;
    private final Clock clock;

    DistrictStatistics(MedicalWorkerSpanMapper spans, OrgService orgs, BatchList batchList, Clock clock) {
        this.spans = spans;
        this.orgs = orgs;
        this.batchList = batchList;
        this.clock = clock;
    }

    public record Counts(long total, long aidedHubei) {
        Counts plus(long t, long h) {
            return new Counts(total + t, aidedHubei + h);
        }
    }

    /** @param seq 1, 2, … for districts; {@code null} for a "（本级）" row and the total row */
    public record Row(Integer seq, Long orgId, String district, Counts overall, List<Counts> batches) {
    }

    /** @param title the annex's title with the jurisdiction's region: 重庆市一线医护人员信息统计表 */
    public record Table(String title, LocalDate asOf, List<Integer> batches, List<String> batchLabels, List<Row> rows,
                        Row total) {
    }

    public Table table() {
        return table(null);
    }

    /**
     * The table as it stood at the end of {@code asOf} (Shanghai time; today when {@code null}), counted
     * from the registry's history: people withdrawn or moved since then count where they were that day.
     */
    public Table table(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw new org.qingnuan.shared.error.DomainException(RegistryError.STATISTICS_DATE_IN_FUTURE);
        }
        List<OrgUnit> visible = orgs.visible();
        Map<Long, OrgUnit> byId = new LinkedHashMap<>();
        visible.forEach(o -> byId.put(o.getId(), o));
        List<HeadCount> counts = spans.countOpenAt(day.plusDays(1).atStartOfDay());
        List<Integer> batches = batchList.numbers();

        // every district of the jurisdiction has a row, in tree order, even with nothing in it
        Map<Long, Counts> overall = new LinkedHashMap<>();
        Map<Long, Map<Integer, Counts>> perBatch = new LinkedHashMap<>();
        visible.stream().filter(o -> o.getType() == OrgType.DISTRICT_LEAGUE).forEach(o -> overall.put(o.getId(), new Counts(0, 0)));
        for (HeadCount c : counts) {
            long rowOrg = rowOrgOf(c.orgId(), byId);
            long hubei = c.aidedHubei() == null ? 0 : c.aidedHubei();
            overall.merge(rowOrg, new Counts(c.total(), hubei), (a, b) -> a.plus(b.total(), b.aidedHubei()));
            if (c.batch() != null && batchList.contains(c.batch())) {
                perBatch.computeIfAbsent(rowOrg, k -> new LinkedHashMap<>())
                        .merge(c.batch(), new Counts(c.total(), hubei), (a, b) -> a.plus(b.total(), b.aidedHubei()));
            }
        }
        // districts first, numbered 1, 2, …; the "（本级）" rows of cities or the municipality after them, unnumbered
        List<Long> order = new ArrayList<>(overall.keySet());
        order.removeIf(id -> !byId.containsKey(id));
        order.sort((a, b) -> {
            boolean da = byId.get(a).getType() == OrgType.DISTRICT_LEAGUE;
            boolean db = byId.get(b).getType() == OrgType.DISTRICT_LEAGUE;
            return da != db ? (da ? -1 : 1) : OrgUnit.TREE_ORDER.compare(byId.get(a), byId.get(b));
        });
        int seq = 0;
        List<Row> rows = new ArrayList<>();
        Counts total = new Counts(0, 0);
        Counts[] batchTotals = new Counts[batches.size()];
        Arrays.fill(batchTotals, new Counts(0, 0));
        for (Long orgId : order) {
            OrgUnit org = byId.get(orgId);
            Counts all = overall.get(orgId);
            List<Counts> cells = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                Counts cell = perBatch.getOrDefault(orgId, Map.of()).getOrDefault(batches.get(i), new Counts(0, 0));
                cells.add(cell);
                batchTotals[i] = batchTotals[i].plus(cell.total(), cell.aidedHubei());
            }
            String label = org.getType() == OrgType.DISTRICT_LEAGUE
                    ? (org.getRegion() != null ? org.getRegion() : org.getName())
                    : org.getName() + "（本级）";
            rows.add(new Row(org.getType() == OrgType.DISTRICT_LEAGUE ? ++seq : null, orgId, label, all, cells));
            total = total.plus(all.total(), all.aidedHubei());
        }
        String region = visible.isEmpty() || visible.get(0).getRegion() == null ? "" : visible.get(0).getRegion();
        return new Table(region + "一线医护人员信息统计表", day, batches, batchList.labels(), rows,
                new Row(null, null, "合计", total, List.of(batchTotals)));
    }

    /** The district a worker's org counts under: itself or its nearest district ancestor, else itself as "本级". */
    private static long rowOrgOf(long orgId, Map<Long, OrgUnit> visible) {
        OrgUnit org = visible.get(orgId);
        if (org == null) {
            return orgId;
        }
        String[] ids = org.getPath().split("/");
        for (int i = ids.length - 1; i > 0; i--) {
            OrgUnit ancestor = visible.get(Long.valueOf(ids[i]));
            if (ancestor != null && ancestor.getType() == OrgType.DISTRICT_LEAGUE) {
                return ancestor.getId();
            }
        }
        return orgId;
    }
}
