package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.privacy.RevealRequest;
import org.qingnuan.registry.MedicalWorkerService;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.registry.WorkerRequests.ReasonRequest;
import org.qingnuan.registry.WorkerRequests.SaveFamilyRequest;
import org.qingnuan.registry.WorkerRequests.SaveWorkerRequest;
import org.qingnuan.registry.WorkerRequests.WorkerQuery;
import org.qingnuan.registry.WorkerView;
import org.qingnuan.registry.excel.RegistryWorkbooks;
import org.qingnuan.registry.excel.WorkerImport;
import org.qingnuan.registry.excel.WorkerImportReport;
import org.qingnuan.shared.error.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@Tag(name = "一线医护人员及家庭")
@RestController
@RequestMapping("/api/admin/medical-workers")
class MedicalWorkerAdminController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MedicalWorkerService workers;
    private final WorkerImport importer;
    private final RegistryWorkbooks workbooks;

    MedicalWorkerAdminController(MedicalWorkerService workers, WorkerImport importer, RegistryWorkbooks workbooks) {
        this.workers = workers;
        this.importer = importer;
        this.workbooks = workbooks;
    }

    @Operation(summary = "本辖区的一线医护人员，电话和地址已脱敏；phone 按本人或家属电话精确查找")
    @GetMapping
    PageView<WorkerView> list(@Valid WorkerQuery query, @Valid PageQuery paging) {
        return workers.list(query, paging);
    }

    @Operation(summary = "医护人员及其家庭（已脱敏）")
    @GetMapping("/{id}")
    WorkerView get(@PathVariable long id) {
        return workers.detail(id);
    }

    @Operation(summary = "查看个人信息原文（电话、地址、身份证号、备注、家庭成员）；须填写原因，并记入个人信息查看记录")
    @PostMapping("/{id}/reveal")
    WorkerView reveal(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
        return workers.reveal(id, request.reason());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    ResponseEntity<WorkerView> create(@Valid @RequestBody SaveWorkerRequest request) {
        WorkerView created = workers.detail(workers.create(request).getId());
        return ResponseEntity.created(URI.create("/api/admin/medical-workers/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    WorkerView update(@PathVariable long id, @Valid @RequestBody SaveWorkerRequest request) {
        workers.update(id, request);
        return workers.detail(id);
    }

    @Operation(summary = "撤出（离开一线等）：须填写原因；保留记录、可恢复，自当日起不计入统计表")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    WorkerView withdraw(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        return workers.withdraw(id, request.reason());
    }

    @Operation(summary = "恢复已撤出的医护人员：须填写原因；自当日起重新计入统计表")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    WorkerView restore(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        return workers.restore(id, request.reason());
    }

    @Operation(summary = "删除误录的医护人员及其家庭（记入操作日志）；已有求助、结对或服务记录的家庭不能删除，请改用撤出")
    @PostMapping("/{id}/delete")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        workers.delete(id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "修改家庭地址、位置和家庭成员（整体替换成员列表）")
    @PutMapping("/{id}/family")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    WorkerView updateFamily(@PathVariable long id, @Valid @RequestBody SaveFamilyRequest request) {
        return workers.updateFamily(id, request);
    }

    @Operation(summary = "下载导入模板（版式同重庆市附件 2：一线医护人员精准守护工作信息表）")
    @GetMapping("/template")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "一线医护人员信息表模板.xlsx");
        workbooks.template(response.getOutputStream());
    }

    @Operation(summary = "导入填好的信息表（全市一张表：每行按“区县”列归入本辖区内的区县团委）：逐行校验，列出每个错误的行、列和原因；有错误时默认不导入，validOnly=true 只导入正确的行，dryRun=true 只检查、不保存；有身份证号按身份证号、否则按医院+姓名认定同一人，重复导入只更新，区县变了连同家庭一起转移")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    WorkerImportReport importSheet(@RequestPart("file") MultipartFile file,
                                   @RequestParam(required = false) Long orgId,
                                   @RequestParam(defaultValue = "false") boolean validOnly,
                                   @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        requireXlsx(file);
        try (InputStream in = file.getInputStream()) {
            return importer.importSheet(in, orgId, validOnly, dryRun);
        }
    }

    @Operation(summary = "导出本辖区医护人员信息（个人信息已脱敏），筛选条件同列表")
    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    void export(@Valid WorkerQuery query, HttpServletResponse response) throws IOException {
        attachment(response, "一线医护人员信息.xlsx");
        workbooks.export(query, null, response.getOutputStream());
    }

    @Operation(summary = "导出原文（不脱敏）：须填写原因；每位导出的人员都记入个人信息查看记录，与“查看原文”相同")
    @PostMapping("/export-clear")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    void exportClear(@Valid WorkerQuery query, @Valid @RequestBody RevealRequest request, HttpServletResponse response)
            throws IOException {
        workers.requireClearExportAllowed();
        attachment(response, "一线医护人员信息（原文）.xlsx");
        workbooks.export(query, request.reason().trim(), response.getOutputStream());
    }

    static void requireXlsx(MultipartFile file) {
        if (file.isEmpty()) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "file", "请选择要导入的 .xlsx 文件");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
        if (!name.endsWith(".xlsx")) {
            throw new DomainException(RegistryError.IMPORT_FILE_UNREADABLE);
        }
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
