package org.qingnuan.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese names of the change log's action and object codes, in one place for the API and the admin
 * web (the log keeps the codes, which are stable). {@code AuditLabelsTest} fails when a code recorded in the
 * code base has no name here.
 */
public final class AuditLabels {

    public record Option(String value, String label) {
    }

    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        action("ORG_CREATED", "新建组织");
        action("ORG_UPDATED", "修改组织");
        action("STAFF_CREATED", "新建账号");
        action("STAFF_UPDATED", "修改账号");
        action("STAFF_DISABLED", "停用账号");
        action("STAFF_ENABLED", "启用账号");
        action("STAFF_PASSWORD_RESET", "重置密码");
        action("PASSWORD_CHANGED", "修改密码");
        action("LOGIN_SUCCEEDED", "登录成功");
        action("LOGIN_FAILED", "登录失败");
        action("ACCOUNT_LOCKED", "账号锁定");
        action("LOGOUT", "退出登录");
        action("STAFF_WECHAT_BOUND", "绑定微信");
        action("STAFF_WECHAT_UNBOUND", "解除微信绑定");
        action("HOSPITAL_CREATED", "登记医院");
        action("HOSPITAL_UPDATED", "修改医院");
        action("TEAM_CREATED", "登记医疗队");
        action("TEAM_UPDATED", "修改医疗队");
        action("TEAM_BOUND", "医疗队负责人绑定");
        action("TEAM_UNBOUND", "解除医疗队公众号绑定");
        action("TEAM_WECHAT_USER_UNBOUND", "解除医疗队小程序绑定");
        action("TEAM_INVITE_CODE_ISSUED", "生成医疗队邀请码");
        action("DEMAND_ITEM_CLOSED", "办结医疗队需求");
        action("WORKER_CREATED", "登记医护人员");
        action("WORKER_UPDATED", "修改医护人员");
        action("WORKERS_IMPORTED", "导入医护人员");
        action("WORKER_WITHDRAWN", "撤出医护人员");
        action("WORKER_RESTORED", "恢复医护人员");
        action("WORKER_DELETED", "删除误录的医护人员");
        action("FAMILY_UPDATED", "修改家庭信息");
        action("FAMILY_INVITE_ISSUED", "生成家属邀请码");
        action("FAMILY_INVITE_REVOKED", "作废家属邀请码");
        action("FAMILY_INVITE_REDEEMED", "使用家属邀请码绑定");
        action("FAMILY_WECHAT_USER_UNBOUND", "解除家属微信绑定");
        action("DUTY_EXPERT_ADDED", "添加值班专家");
        action("DUTY_EXPERT_UPDATED", "修改值班专家");
        action("DUTY_EXPERT_REMOVED", "移除值班专家");
        action("VOLUNTEER_APPROVED", "志愿者审核通过");
        action("VOLUNTEER_REJECTED", "志愿者审核不通过");
        action("VOLUNTEER_INSURANCE_RECORDED", "登记志愿者保险");
        action("SERVICE_HOURS_REVIEWED", "核实服务时长");
        action("PAIRING_CREATED", "手拉手结对");
        action("PAIRING_ENDED", "结束结对");
        action("CARE_PLAN_CREATED", "新建一家一策计划");
        action("CARE_PLAN_STOPPED", "停止一家一策计划");
        action("STORY_CREATED", "新建先进典型");
        action("STORY_UPDATED", "修改先进典型");
        action("STORY_PUBLISHED", "发布先进典型");
        action("STORY_WITHDRAWN", "撤回先进典型");
        action("PHOTO_PASSED", "照片审核通过");
        action("PHOTO_HIDDEN", "照片审核隐藏");

        target("ORG", "组织");
        target("STAFF", "账号");
        target("HOSPITAL", "医院");
        target("MEDICAL_TEAM", "医疗队");
        target("MEDICAL_WORKER", "医护人员");
        target("FAMILY", "家庭");
        target("DUTY_EXPERT", "值班专家");
        target("VOLUNTEER", "志愿者");
        target("STORY", "先进典型");
        target("PHOTO", "照片");
    }

    private AuditLabels() {
    }

    private static void action(String code, String label) {
        ACTIONS.put(code, label);
    }

    private static void target(String code, String label) {
        TARGETS.put(code, label);
    }

    /** The action's Chinese name; the code itself when it has none (an old row of a renamed action). */
    public static String action(String code) {
        return code == null ? null : ACTIONS.getOrDefault(code, code);
    }

    public static String target(String code) {
        return code == null ? null : TARGETS.getOrDefault(code, code);
    }

    public static boolean knowsAction(String code) {
        return ACTIONS.containsKey(code);
    }

    public static boolean knowsTarget(String code) {
        return TARGETS.containsKey(code);
    }

    /** Every action with its name, in a stable order: the admin web's filter. */
    public static List<Option> actions() {
        return ACTIONS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }

    public static List<Option> targets() {
        return TARGETS.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }
}
