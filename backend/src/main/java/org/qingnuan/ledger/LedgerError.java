package org.qingnuan.ledger;

import org.qingnuan.api.error.ErrorCode;

public enum LedgerError implements ErrorCode {
    LEDGER_DATE_IN_FUTURE(400, "不能查看未来日期的台账，请选择今天或以前的日期"),
    LEDGER_FIGURE_UNKNOWN(400, "没有这项台账数字；可选：new、accepted、dispatched、claimed、done、confirmed、overdue、openAtEnd、category:类别、channel:来源"),
    LEDGER_TREND_DAYS(400, "趋势的天数应在 1 到 60 天之间");

    private final int httpStatus;
    private final String message;

    LedgerError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
