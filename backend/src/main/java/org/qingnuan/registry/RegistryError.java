package org.qingnuan.registry;

import org.qingnuan.api.error.ErrorCode;

public enum RegistryError implements ErrorCode {
    HOSPITAL_NOT_FOUND(404, "医院不存在，或不在您的管辖范围内"),
    HOSPITAL_NAME_TAKEN(409, "已有同名医院"),
    RESPONSIBLE_ORG_NOT_FOUND(400, "未找到负责该医院的团组织，请指定负责组织"),
    RESPONSIBLE_ORG_OUTSIDE_JURISDICTION(403, "该医院应由上级团组织负责，请联系其录入，或指定本辖区内的负责组织"),
    TEAM_NOT_FOUND(404, "医疗队不存在，或不在您的管辖范围内"),
    TEAM_NAME_TAKEN(409, "已有同名医疗队"),
    WORKER_NOT_FOUND(404, "医护人员不存在，或不在您的管辖范围内"),
    WORKER_ALREADY_REGISTERED(409, "该医护人员已登记（身份证号相同；未填身份证号时为同一医院、姓名和本人电话）"),
    WORKER_ALREADY_WITHDRAWN(409, "该医护人员已撤出，如需恢复请点“恢复”"),
    WORKER_NOT_WITHDRAWN(409, "该医护人员未撤出，无需恢复"),
    WORKER_HAS_HISTORY(409, "该家庭已有求助、结对或服务记录，不能删除，请改用“撤出”"),
    STATISTICS_DATE_IN_FUTURE(400, "截至日期不能晚于今天"),
    FAMILY_NOT_FOUND(404, "家庭不存在，或不在您的管辖范围内"),
    IMPORT_FILE_UNREADABLE(400, "无法读取该文件，请上传由模板填写的 .xlsx 文件"),
    IMPORT_HEADER_MISMATCH(400, "表头与模板不一致，请下载最新模板后重新填写"),
    IMPORT_TOO_MANY_ROWS(400, "单个文件最多导入 20000 行，请分批导入");

    private final int httpStatus;
    private final String message;

    RegistryError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
