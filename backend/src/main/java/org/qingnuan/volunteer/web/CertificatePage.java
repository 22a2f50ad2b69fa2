package org.qingnuan.volunteer.web;

import org.qingnuan.volunteer.Certificates;
import org.springframework.web.util.HtmlUtils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The public check of a certificate as a page a person reads on a phone after scanning the QR code: whether the
 * certificate is genuine and what it says — the same fields as the JSON, the name shortened, no other personal data.
 * Every value is escaped; no script, no external resource.
 */
final class CertificatePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private CertificatePage() {
    }

    static String genuine(Certificates.Verification v) {
        String hours = text(v.hours()) + " 小时";
        if (v.familyConfirmedHours() != null) {
            BigDecimal checked = v.hours().subtract(v.familyConfirmedHours());
            hours += checked.signum() <= 0 ? "（均经服务对象家属确认）"
                    : "（其中经家属确认 " + text(v.familyConfirmedHours()) + " 小时，经团委工作人员核实 " + text(checked) + " 小时）";
        }
        return page("此证明真实有效", "ok", "✓ 此志愿服务证明真实有效",
                "<dl>"
                        + row("验证码", v.code())
                        + row("志愿者", v.volunteer())
                        + row("所属组织", v.organisation())
                        + row("服务时间", day(v.periodFrom()) + " 至 " + day(v.periodTo()))
                        + row("累计服务时长", hours)
                        + row("出具日期", day(v.issuedOn()))
                        + "</dl><p class=\"note\">请核对以上内容与纸质证明是否一致；姓名已部分隐藏。"
                        + "服务时长如有增加，志愿者会获得新的验证码，旧的证明仍按其出具时的内容查验。</p>");
    }

    static String unknown(String code) {
        String shown = code == null ? "" : code.length() > 16 ? code.substring(0, 16) : code;
        return page("未找到此证明", "bad", "✗ 没有找到这份志愿服务证明",
                "<p>验证码 <b>" + HtmlUtils.htmlEscape(shown) + "</b> 不存在。请核对验证码是否抄写正确（不含数字 0、1 和字母 O、I、L）；"
                        + "如仍查不到，这份证明可能不是青暖出具的，请联系出具证明的团委核实。</p>");
    }

    private static String page(String title, String kind, String verdict, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + " · 志愿服务证明查验</title><style>"
                + "body{margin:0;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;background:#f5f7f5;color:#222}"
                + "main{max-width:560px;margin:0 auto;padding:24px 16px}h1{font-size:20px;margin:0 0 16px}"
                + ".verdict{font-size:18px;font-weight:600;padding:12px 14px;border-radius:6px;margin-bottom:16px}"
                + ".ok{background:#e8f5e9;color:#1b5e20}.bad{background:#fdecea;color:#b71c1c}"
                + "dl{display:grid;grid-template-columns:7em 1fr;gap:8px 12px;background:#fff;padding:16px;border-radius:6px;margin:0}"
                + "dt{color:#666}dd{margin:0}.note{color:#666;font-size:14px;line-height:1.6}"
                + "</style></head><body><main><h1>志愿服务证明查验</h1>"
                + "<div class=\"verdict " + kind + "\">" + verdict + "</div>" + body
                + "<p class=\"note\">青暖 · 共青团关爱一线医护人员家庭志愿服务</p></main></body></html>";
    }

    private static String row(String label, String value) {
        return "<dt>" + label + "</dt><dd>" + HtmlUtils.htmlEscape(value == null ? "—" : value) + "</dd>";
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    private static String text(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
