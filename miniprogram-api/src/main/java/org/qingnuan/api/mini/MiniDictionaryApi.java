package org.qingnuan.api.mini;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Labels of the codes the mini-program shows; no sign-in needed, so the first page can render them. */
@Tag(name = "小程序：字典")
@RequestMapping("/api/mini")
public interface MiniDictionaryApi {

    @Operation(operationId = "getDictionaries",
            summary = "各枚举的中文名称（求助类别、紧急程度、技能、联系方式、状态等），按应展示的顺序",
            description = "无需登录。界面显示 label，提交时用 code。结果只随版本变化，可按版本缓存。")
    @GetMapping("/dictionaries")
    DictionariesView dictionaries();
}
