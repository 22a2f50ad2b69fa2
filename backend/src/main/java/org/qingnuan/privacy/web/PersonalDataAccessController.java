package org.qingnuan.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.PersonalDataAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "个人信息查看记录")
@RestController
@Validated
@RequestMapping("/api/admin/personal-data-access")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
class PersonalDataAccessController {

    private final Disclosures disclosures;

    PersonalDataAccessController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @Operation(summary = "谁在何时因何查看了本辖区哪位人员的哪些个人信息原文，最新的在前")
    @GetMapping
    PageView<PersonalDataAccess> list(
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z_]{1,32}$", message = "对象类型格式不正确") String subjectType,
            @RequestParam(required = false) Long subjectId,
            @RequestParam(required = false) Long staffId,
            @Valid PageQuery paging) {
        return disclosures.list(subjectType, subjectId, staffId, paging);
    }
}
