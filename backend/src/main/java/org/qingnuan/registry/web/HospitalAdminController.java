package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.registry.HospitalLevel;
import org.qingnuan.registry.HospitalRequests.HospitalQuery;
import org.qingnuan.registry.HospitalRequests.SaveHospitalRequest;
import org.qingnuan.registry.HospitalService;
import org.qingnuan.registry.HospitalView;
import org.qingnuan.registry.excel.HospitalImport;
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
import java.util.Arrays;
import java.util.List;

@Tag(name = "医院")
@RestController
@RequestMapping("/api/admin/hospitals")
class HospitalAdminController {

    private final HospitalService hospitals;
    private final HospitalImport hospitalImport;

    HospitalAdminController(HospitalService hospitals, HospitalImport hospitalImport) {
        this.hospitals = hospitals;
        this.hospitalImport = hospitalImport;
    }

    @Operation(summary = "本辖区负责的医院")
    @GetMapping
    PageView<HospitalView> list(@Valid HospitalQuery query, @Valid PageQuery paging) {
        return hospitals.list(query, paging);
    }

    @Operation(summary = "医院隶属层级及其中文名称")
    @GetMapping("/levels")
    List<Option> levels() {
        return Arrays.stream(HospitalLevel.values()).map(l -> new Option(l.name(), l.label())).toList();
    }

    @Operation(summary = "全部医院的编号和名称（供登记医护人员时选择，不限辖区）")
    @GetMapping("/options")
    List<HospitalService.Option> options() {
        return hospitals.options();
    }

    @GetMapping("/{id}")
    HospitalView get(@PathVariable long id) {
        return hospitals.view(id);
    }

    @Operation(summary = "登记医院；不指定负责组织时：部属、省属医院归省团委，市属、县（区）属医院归所在市团委")
    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<HospitalView> create(@Valid @RequestBody SaveHospitalRequest request) {
        HospitalView created = hospitals.view(hospitals.create(request).getId());
        return ResponseEntity.created(URI.create("/api/admin/hospitals/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    HospitalView update(@PathVariable long id, @Valid @RequestBody SaveHospitalRequest request) {
        hospitals.update(id, request);
        return hospitals.view(id);
    }

    record Option(String value, String label) {
    }

    @Operation(summary = "下载医院导入模板（医院名称、所在城市、区县、隶属层级、是否定点收治，带下拉列表）")
    @GetMapping("/template")
    void template(HttpServletResponse response) throws IOException {
        MedicalWorkerAdminController.attachment(response, "医院导入模板.xlsx");
        hospitalImport.template(response.getOutputStream());
    }

    @Operation(summary = "从表格导入医院：逐行校验，负责组织按隶属层级确定（同新增）；已有同名医院的行保持不变；有错误时默认不导入，validOnly=true 只导入正确的行，dryRun=true 只检查、不保存")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    HospitalImport.Report importSheet(@RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean validOnly,
                                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        MedicalWorkerAdminController.requireXlsx(file);
        try (InputStream in = file.getInputStream()) {
            return hospitalImport.importSheet(in, validOnly, dryRun);
        }
    }
}
