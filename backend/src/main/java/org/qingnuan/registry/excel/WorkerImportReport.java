package org.qingnuan.registry.excel;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param committed {@code false} when nothing was saved: a dry run, or a file with errors (ask again with
 *                  {@code validOnly=true} to save the valid rows)
 * @param dryRun    the file was checked and matched but nothing saved, on request
 * @param rows      data rows read
 * @param created   new medical workers
 * @param updated   workers already registered whose row replaced them
 * @param moved     of the updated, those whose 区县 (org) changed: they moved with their family
 * @param matchedByIdNumber    updated rows matched on the ID number
 * @param matchedByHospitalAndName updated rows matched on hospital + name (no ID number in the row, or
 *                  none registered yet)
 * @param errors    every bad cell: Excel row number (as shown in Excel), column title, reason
 * @param matches   how each row that passed its checks was matched: created, or updated by which key
 * @param moves     each move to another 区县
 */
public record WorkerImportReport(boolean committed, boolean dryRun, int rows, int created, int updated, int moved,
                                 int skipped, int matchedByIdNumber, int matchedByHospitalAndName,
                                 List<RowError> errors, List<RowMatch> matches, List<Move> moves) {

    public record RowError(int row, String column, String message) {
    }

    /** @param matchedBy {@code null} for a new person, else {@code ID_NUMBER} or {@code HOSPITAL_AND_NAME} */
    public record RowMatch(int row, String action, String matchedBy, Long workerId) {
    }

    public record Move(int row, String name, String from, String to) {
    }
}
