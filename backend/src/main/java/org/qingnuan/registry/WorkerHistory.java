package org.qingnuan.registry;

import org.qingnuan.registry.internal.MedicalWorkerSpanMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Keeps the registry's history ({@link MedicalWorkerSpan}) in step with the workers: every write to
 * {@code medical_worker} calls {@link #record()} in its transaction. It compares the whole table in two
 * set-based statements rather than tracking each change, so no writer (form, import, withdrawal, demo
 * data) can forget a case; on 20,000 workers that is a few tens of milliseconds.
 */
@Component
public class WorkerHistory {

    private final MedicalWorkerSpanMapper spans;
    private final Clock clock;

    WorkerHistory(MedicalWorkerSpanMapper spans, Clock clock) {
        this.spans = spans;
        this.clock = clock;
    }

    public void record() {
        LocalDateTime now = LocalDateTime.now(clock);
        spans.closeChanged(now);
        spans.openMissing(now);
    }

    /** An entry made by mistake never counted: its history goes with it. */
    void forget(long workerId) {
        spans.forget(workerId);
    }
}
