package org.qingnuan.shared.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait until the caller's transaction has committed (a send, a hand-off to another thread, a cache
 * cleared again). It runs in {@code afterCompletion(COMMITTED)}, the phase in which Spring runs its
 * {@code @TransactionalEventListener(AFTER_COMMIT)} listeners, ordered after them; in {@code afterCommit} it would
 * run before every one of them (decision 326). Nothing runs after a rollback; without a transaction, at once.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
