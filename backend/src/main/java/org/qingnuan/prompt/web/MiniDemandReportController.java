package org.qingnuan.prompt.web;

import org.qingnuan.api.report.DemandReportRequest;
import org.qingnuan.api.report.DemandReportView;
import org.qingnuan.api.report.MiniDemandReportApi;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.prompt.MiniProgramReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class MiniDemandReportController implements MiniDemandReportApi {

    private final MiniProgramReports reports;

    MiniDemandReportController(MiniProgramReports reports) {
        this.reports = reports;
    }

    @Override
    public ResponseEntity<DemandReportView> report(long teamId, DemandReportRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.report(CurrentUser.require(), teamId, request));
    }

    @Override
    public List<DemandReportView> recent(long teamId) {
        return reports.recent(CurrentUser.require(), teamId);
    }
}
