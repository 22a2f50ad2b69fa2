package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.registry.DistrictStatistics;
import org.qingnuan.registry.excel.RegistryWorkbooks;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;

@Tag(name = "统计")
@RestController
@RequestMapping("/api/admin/statistics/districts")
class DistrictStatisticsController {

    private final DistrictStatistics statistics;
    private final RegistryWorkbooks workbooks;

    DistrictStatisticsController(DistrictStatistics statistics, RegistryWorkbooks workbooks) {
        this.statistics = statistics;
        this.workbooks = workbooks;
    }

    @Operation(summary = "一线医护人员信息统计表（按区县：共计、其中支援湖北，及各批次），含合计行；asOf 为截至日期（上海时间，默认今天），按登记历史统计当日结束时的人数")
    @GetMapping
    DistrictStatistics.Table table(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return statistics.table(asOf);
    }

    @Operation(summary = "下载统计表 Excel，版式同重庆市附件 1（标题含地区，截至日期可选）")
    @GetMapping("/excel")
    void excel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
               HttpServletResponse response) throws IOException {
        DistrictStatistics.Table table = statistics.table(asOf);
        MedicalWorkerAdminController.attachment(response, table.title() + "-" + table.asOf() + ".xlsx");
        workbooks.districtTable(table, response.getOutputStream());
    }
}
