package org.qingnuan.ledger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the nightly snapshot runs: shortly after midnight in Shanghai, and again every hour, which costs two small
 * queries when yesterday is already kept and catches up after the instances were down at midnight. Kept thin so
 * that the schedule does not build the job at start-up.
 */
@Component
class LedgerSchedule {

    private final ObjectProvider<LedgerSnapshots> snapshots;

    LedgerSchedule(ObjectProvider<LedgerSnapshots> snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(cron = "${qingnuan.ledger.snapshot-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void snapshot() {
        snapshots.getObject().run();
    }
}
