package org.qingnuan.shared.error;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The error-code catalogue as JSON, for client builds and support; public, it holds nothing personal. */
@RestController
@Tag(name = "公共：错误码")
class ErrorCatalogueController {

    private final ErrorCatalogue catalogue;

    ErrorCatalogueController(ErrorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "listErrorCodes", summary = "全部错误码：HTTP 状态、默认中文提示、客户端应如何处理")
    @GetMapping("/api/public/error-codes")
    List<ErrorCatalogue.Entry> errorCodes() {
        return catalogue.entries();
    }
}
