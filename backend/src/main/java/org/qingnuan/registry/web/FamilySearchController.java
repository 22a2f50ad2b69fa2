package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.registry.FamilyDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "一线医护人员及家庭")
@RestController
class FamilySearchController {

    private final FamilyDirectory directory;

    FamilySearchController(FamilyDirectory directory) {
        this.directory = directory;
    }

    @Operation(summary = "查找家庭（热线受理时）：按医护人员或家属电话精确查找，或按医护人员姓名查找；结果已脱敏")
    @GetMapping("/api/admin/families/search")
    List<FamilyDirectory.FamilyMatch> search(@RequestParam("q") String query) {
        return directory.search(query);
    }
}
