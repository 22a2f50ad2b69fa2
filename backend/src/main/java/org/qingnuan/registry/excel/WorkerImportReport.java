package org.qingnuan.registry.excel;

import java.util.List;

/**
 * What an import did.
 *
 * @param committed {@code false} when the file had errors and nothing was saved (ask again with
 *                  {@code validOnly=true} to save the valid rows)
 * @param rows      data rows read
 * @param created   new medical workers
 * @param updated   workers already registered (same hospital, name and own phone) whose row replaced them
 * @param errors    every bad cell: Excel row number (as shown in Excel), column title, reason
 */
public record WorkerImportReport(boolean committed, int rows, int created, int updated, int skipped,
                                 List<RowError> errors) {

    public record RowError(int row, String column, String message) {
    }
}
