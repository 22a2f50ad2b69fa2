package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.registry.DistrictStatistics;
import org.qingnuan.registry.excel.RegistryWorkbooks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

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

    @Operation(summary = "一线医护人员信息统计表（按区县：共计、其中支援湖北，及各批次），含合计行")
    @GetMapping
    DistrictStatistics.Table table() {
        return statistics.table();
    }

    @Operation(summary = "下载统计表 Excel，版式同重庆市附件 1")
    @GetMapping("/excel")
    void excel(HttpServletResponse response) throws IOException {
        MedicalWorkerAdminController.attachment(response, "一线医护人员信息统计表.xlsx");
        workbooks.districtTable(response.getOutputStream());
    }
}
