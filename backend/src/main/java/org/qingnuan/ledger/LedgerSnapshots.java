package org.qingnuan.ledger;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.ledger.internal.LedgerMapper;
import org.qingnuan.ledger.internal.LedgerSnapshotMapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nightly job: yesterday's ledger of every org (its whole subtree), kept as a snapshot. The day is read
 * once for the whole tree and summed per subtree in memory. Each row is inserted only if absent, decided by the
 * unique (org, day) key: a second instance running at the same time writes nothing twice, and a run after a
 * restart only fills what is missing.
 */
@Component
class LedgerSnapshots {

    private static final Logger log = LoggerFactory.getLogger(LedgerSnapshots.class);

    private final LedgerMapper mapper;
    private final LedgerSnapshotMapper snapshots;
    private final OrgService orgs;
    private final Ledgers ledgers;
    private final Clock clock;
    /** qn_ledger_snapshots_total: org-days this instance kept */
    private final io.micrometer.core.instrument.Counter snapshotsKept;

    LedgerSnapshots(LedgerMapper mapper, LedgerSnapshotMapper snapshots, OrgService orgs, Ledgers ledgers, Clock clock,
                    io.micrometer.core.instrument.MeterRegistry meters) {
        this.snapshotsKept = meters.counter("qn.ledger.snapshots");
        this.mapper = mapper;
        this.snapshots = snapshots;
        this.orgs = orgs;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    void run() {
        snapshot(LocalDate.now(clock).minusDays(1));
    }

    /** Keeps {@code day}'s ledger of every org that has none yet; answers how many this call wrote. */
    int snapshot(LocalDate day) {
        if (Jurisdiction.current().isPresent()) {
            // every org's ledger is counted over the whole tree: never on behalf of one staff member
            throw new IllegalStateException("The ledger snapshot runs for nobody in particular");
        }
        List<OrgUnit> all = orgs.visible();
        Set<Long> kept = new HashSet<>();
        snapshots.selectList(new LambdaQueryWrapper<LedgerSnapshot>().select(LedgerSnapshot::getOrgId)
                .eq(LedgerSnapshot::getLedgerDate, day)).forEach(s -> kept.add(s.getOrgId()));
        List<OrgUnit> missing = all.stream().filter(o -> !kept.contains(o.getId())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        DayFacts facts = DayFacts.read(mapper, all.stream().map(OrgUnit::getId).toList(), day, false);
        int written = 0;
        for (OrgUnit org : missing) {
            List<Long> subtree = new ArrayList<>();
            for (OrgUnit o : all) {
                if (o.getPath().startsWith(org.getPath())) {
                    subtree.add(o.getId());
                }
            }
            LedgerSnapshot s = new LedgerSnapshot();
            s.setOrgId(org.getId());
            s.setLedgerDate(day);
            s.setFigures(ledgers.write(facts.figuresOf(subtree)));
            s.setCreatedAt(LocalDateTime.now(clock));
            try {
                snapshots.insert(s);
                written++;
                snapshotsKept.increment();
            } catch (DuplicateKeyException e) {
                // another instance kept this one first: theirs stands
            }
        }
        log.info("Ledger of {}: {} org(s) kept, {} already kept elsewhere", day, written, missing.size() - written);
        return written;
    }
}
