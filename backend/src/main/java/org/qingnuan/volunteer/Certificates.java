package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.volunteer.CertificateView;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.Masks;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.invite.InviteCodes;
import org.qingnuan.volunteer.internal.VolunteerCertificateMapper;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Electronic volunteer certificates. Each download states the hours and period as they are then, under
 * a 12-character code; the public endpoint checks a code and shows what that certificate said (the
 * name shortened), so a school or employer can verify a printout. Unchanged hours reuse the last code.
 * The printout carries a QR code of the absolute verification URL, on the configured public base URL
 * ({@code qingnuan.public-base-url}).
 */
@Service
public class Certificates {

    private static final int CODE_LENGTH = 12;
    private static final String VERIFY_PATH = "/api/public/certificates/";
    private static final int QR_PNG_PX = 360;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final VolunteerMapper volunteers;
    private final ServiceHoursLedger hours;
    private final VolunteerCertificateMapper certificates;
    private final OrgService orgs;
    private final CertificatePdf pdf;
    /** Without a trailing slash; empty when not configured (certificates then answer 503). */
    private final String publicBaseUrl;

    Certificates(VolunteerMapper volunteers, ServiceHoursLedger hours, VolunteerCertificateMapper certificates, OrgService orgs,
                 CertificatePdf pdf, @Value("${qingnuan.public-base-url:}") String publicBaseUrl) {
        this.volunteers = volunteers;
        this.hours = hours;
        this.certificates = certificates;
        this.orgs = orgs;
        this.pdf = pdf;
        String base = publicBaseUrl == null ? "" : publicBaseUrl.trim().replaceAll("/+$", "");
        if (!base.isEmpty() && !base.matches("(?i)https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            throw new IllegalArgumentException("qingnuan.public-base-url (QN_PUBLIC_BASE_URL) must be an absolute http(s) URL"
                    + " such as https://qingnuan.example.org, not " + publicBaseUrl);
        }
        this.publicBaseUrl = base;
    }

    /**
     * What the public endpoint answers for a code: what the certificate says, nothing more.
     *
     * @param familyConfirmedHours of {@code hours}, those the families confirmed (the rest staff checked); null on
     *                             certificates issued before this was recorded
     */
    public record Verification(String code, String volunteer, String organisation, BigDecimal hours,
                               BigDecimal familyConfirmedHours, LocalDate periodFrom, LocalDate periodTo, LocalDate issuedOn) {
    }

    /** The certificate PDF of a volunteer (the caller checked they may have it). */
    public byte[] pdfOf(long volunteerId) {
        requirePublicBaseUrl();
        Volunteer v = volunteer(volunteerId);
        VolunteerCertificate c = issue(v);
        String url = verificationUrl(c.getCode());
        String org = orgs.find(v.getOrgId()).map(OrgUnit::getName).orElse("");
        CertificatePdf.Content content = new CertificatePdf.Content("志愿服务证明", List.of(
                "兹证明 " + v.getName() + " 同志，",
                "作为" + org + "志愿者，",
                "于 " + DAY.format(c.getPeriodFrom()) + " 至 " + DAY.format(c.getPeriodTo()) + "，",
                "参与关爱一线医护人员家庭志愿服务，",
                "累计服务时长 " + hoursText(c.getHours()) + " 小时，",
                confirmedBy(c.getHours(), c.getFamilyConfirmedHours()),
                "",
                "特此证明。",
                "出具日期：" + DAY.format(c.getCreatedAt().toLocalDate())),
                "验证码 " + c.getCode() + " ，扫码或在 " + url + " 查验", url);
        return pdf.render(content).orElseThrow(() -> new DomainException(VolunteerError.CERTIFICATE_FONT_MISSING));
    }

    /**
     * The volunteer's current certificate (the one their PDF download states: issued now, or the last one when
     * the hours are unchanged) with its absolute verification URL.
     */
    public CertificateView currentOf(long volunteerId) {
        requirePublicBaseUrl();
        VolunteerCertificate c = issue(volunteer(volunteerId));
        return new CertificateView(c.getCode(), verificationUrl(c.getCode()), c.getHours(), c.getPeriodFrom(), c.getPeriodTo(),
                c.getCreatedAt().toLocalDate());
    }

    /** The QR code (PNG) of a certificate's verification URL; 404 for an unknown code. */
    public byte[] qrPng(String code) {
        VolunteerCertificate c = byCode(code);
        return CertificateQr.png(verificationUrl(c.getCode()), QR_PNG_PX);
    }

    public Verification verify(String code) {
        VolunteerCertificate c = byCode(code);
        Volunteer v = volunteers.selectById(c.getVolunteerId());
        return new Verification(c.getCode(), v == null ? null : Masks.name(v.getName()),
                orgs.find(c.getOrgId()).map(OrgUnit::getName).orElse(null), c.getHours(), c.getFamilyConfirmedHours(),
                c.getPeriodFrom(), c.getPeriodTo(), c.getCreatedAt().toLocalDate());
    }

    /** "其中经服务对象家属确认 3 小时，经团委工作人员核实 1.5 小时。" — which hours the families vouched for. */
    static String confirmedBy(BigDecimal total, BigDecimal family) {
        if (family == null) {
            return "均经服务对象家属确认或团委工作人员核实。";
        }
        BigDecimal checked = total.subtract(family);
        if (checked.signum() <= 0) {
            return "均经服务对象家属确认。";
        }
        if (family.signum() == 0) {
            return "均经团委工作人员核实。";
        }
        return "其中经服务对象家属确认 " + hoursText(family) + " 小时，经团委工作人员核实 " + hoursText(checked) + " 小时。";
    }

    static String hoursText(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private Volunteer volunteer(long volunteerId) {
        Volunteer v = volunteers.selectById(volunteerId);
        if (v == null) {
            throw new DomainException(VolunteerError.VOLUNTEER_NOT_FOUND);
        }
        return v;
    }

    /** Only hours that count (confirmed by the family, or checked by staff) are certified. */
    private VolunteerCertificate issue(Volunteer v) {
        ServiceHoursLedger.Counted counted = hours.counted(v.getId())
                .orElseThrow(() -> new DomainException(VolunteerError.NO_HOURS_YET));
        return current(v, counted);
    }

    private VolunteerCertificate byCode(String code) {
        VolunteerCertificate c = code == null || code.length() > 16 ? null : certificates.selectOne(
                new LambdaQueryWrapper<VolunteerCertificate>().eq(VolunteerCertificate::getCode, code.trim().toUpperCase()));
        if (c == null) {
            throw new DomainException(CommonError.NOT_FOUND, "没有这个验证码的志愿服务证明，请核对验证码");
        }
        return c;
    }

    /** What the printout and its QR code point at: the public verification of the code, on the public base URL. */
    private String verificationUrl(String code) {
        requirePublicBaseUrl();
        return publicBaseUrl + VERIFY_PATH + code;
    }

    private void requirePublicBaseUrl() {
        if (publicBaseUrl.isEmpty()) {
            throw new DomainException(VolunteerError.PUBLIC_BASE_URL_MISSING);
        }
    }

    private VolunteerCertificate current(Volunteer v, ServiceHoursLedger.Counted counted) {
        BigDecimal total = counted.total();
        LocalDate from = counted.from();
        LocalDate to = counted.to();
        VolunteerCertificate last = certificates.selectOne(new LambdaQueryWrapper<VolunteerCertificate>()
                .eq(VolunteerCertificate::getVolunteerId, v.getId()).orderByDesc(VolunteerCertificate::getId).last("LIMIT 1"));
        if (last != null && last.getHours().compareTo(total) == 0 && last.getPeriodTo().equals(to)
                && last.getFamilyConfirmedHours() != null && last.getFamilyConfirmedHours().compareTo(counted.familyConfirmed()) == 0) {
            return last;
        }
        for (int attempt = 0; ; attempt++) {
            VolunteerCertificate c = new VolunteerCertificate();
            c.setVolunteerId(v.getId());
            c.setOrgId(v.getOrgId());
            c.setCode(InviteCodes.next(CODE_LENGTH));
            c.setHours(total);
            c.setFamilyConfirmedHours(counted.familyConfirmed());
            c.setPeriodFrom(from);
            c.setPeriodTo(to);
            try {
                certificates.insert(c);
                return certificates.selectById(c.getId());
            } catch (DuplicateKeyException collision) {
                if (attempt >= 3) {
                    throw collision;
                }
            }
        }
    }
}
