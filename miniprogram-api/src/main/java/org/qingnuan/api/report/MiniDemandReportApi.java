package org.qingnuan.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** The daily prompt opens pages/report/index?teamId=…; the lead or liaison reports there. Needs the TEAM_CONTACT role for the team. */
@Tag(name = "小程序：医疗队需求报告")
@RequestMapping("/api/mini/teams/{teamId}/reports")
public interface MiniDemandReportApi {

    @Operation(operationId = "reportTeamDemand", summary = "报告本队今日需求（物资：名称、数量、单位、规格、紧急程度；其他需求用文字）",
            description = "需要绑定该医疗队（医疗队邀请码）；否则 NOT_TEAM_CONTACT。同一天可多次报告，以最新的为准。")
    @Throttled(Throttled.Bucket.REPORTS)
    @PostMapping
    @Failures({"NOT_TEAM_CONTACT", "WRITES_THROTTLED"})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DemandReportView> report(@PathVariable long teamId, @Valid @RequestBody DemandReportRequest request);

    @Operation(operationId = "listTeamReports", summary = "本队最近 14 天的需求报告及送达情况，新的在前")
    @GetMapping
    @Failures({"NOT_TEAM_CONTACT"})
    List<DemandReportView> recent(@PathVariable long teamId);
}
