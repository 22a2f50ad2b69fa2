package org.qingnuan.prompt;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.prompt.internal.DailyPromptMapper;
import org.qingnuan.prompt.internal.PromptDeliveryMapper;
import org.qingnuan.registry.Batches;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalTeamService;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountException;
import org.qingnuan.wechat.WecomGroupRobot;
import org.qingnuan.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends each deployed team's bound leads and liaisons the daily demand prompt at the team's prompt
 * time. Exactly once per team per day, whichever instance runs it and however often: the
 * (team, day) row is unique, and each recipient's delivery is claimed with a conditional UPDATE
 * before it is sent. A delivery cut off by a restart is attempted again after {@code staleAfter};
 * a failed one is retried with growing pauses, and WeChat's final refusals end it.
 */
@Service
@EnableConfigurationProperties(PromptProperties.class)
public class DailyPrompts {

    private static final Logger log = LoggerFactory.getLogger(DailyPrompts.class);
    /** WeChat errcodes after which retrying cannot help: not following, invalid openid, refused */
    private static final Set<Integer> FINAL = Set.of(43004, 40003, 43101, WecomGroupRobot.INVALID_WEBHOOK);
    /** The recipient of a WECOM_ROBOT delivery: the team's group. */
    static final String WECOM_GROUP = "wecom-group";
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60));

    private final DailyPromptMapper prompts;
    private final PromptDeliveryMapper deliveries;
    private final OfficialAccount officialAccount;
    private final WecomGroupRobot wecom;
    private final PersonalDataCipher cipher;
    private final MedicalTeamService teams;
    private final PromptProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** qn_prompt_issued_total (a "_created" name would lose its suffix in Prometheus), qn_prompt_deliveries_total{outcome, channel}, qn_prompt_reminders_total */
    private final io.micrometer.core.instrument.MeterRegistry meters;
    /** Creations and sends run side by side: each waits on the database or WeChat, not on this machine. */
    private final java.util.concurrent.ExecutorService workers;
    /** The workers' log lines carry the run's trace id. */
    private final org.qingnuan.shared.web.TraceTaskDecorator traced;

    DailyPrompts(DailyPromptMapper prompts, PromptDeliveryMapper deliveries, OfficialAccount officialAccount,
                 WecomGroupRobot wecom, PersonalDataCipher cipher, MedicalTeamService teams, PromptProperties properties,
                 TransactionTemplate transaction, Clock clock, org.qingnuan.shared.web.TraceTaskDecorator traced,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.prompts = prompts;
        this.deliveries = deliveries;
        this.officialAccount = officialAccount;
        this.wecom = wecom;
        this.cipher = cipher;
        this.teams = teams;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.traced = traced;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(properties.sendThreads(), r -> {
            Thread t = new Thread(r, "daily-prompt-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sets when the team's prompt goes out, whether it does, and its WeCom group robot: a webhook URL (or its
     * key) is checked and kept sealed, {@code null} keeps the current one, a blank one removes it.
     */
    public void reschedule(long teamId, java.time.LocalTime promptTime, boolean enabled, String wecomWebhook) {
        java.util.Optional<String> sealed = java.util.Optional.empty();
        if (wecomWebhook != null) {
            if (wecomWebhook.isBlank()) {
                sealed = java.util.Optional.of("");
            } else {
                String key = WecomGroupRobot.keyOf(wecomWebhook);
                if (key == null) {
                    throw DomainException.onField(CommonError.VALIDATION_FAILED, "wecomWebhook",
                            "请粘贴企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）");
                }
                sealed = java.util.Optional.of(cipher.seal(key));
            }
        }
        teams.schedulePrompt(teamId, promptTime, enabled, sealed);
    }

    /** Creates due prompts, sends due deliveries, sends due reminders (run by {@link PromptSchedule}). */
    public void run() {
        createDuePrompts();
        deliverDue();
        remindUnreported();
    }

    /**
     * After the reminder time, once per prompt, reminds the followers of teams that have not reported
     * today. Sent as a customer-service text: within 48 h of the follower's last message it arrives;
     * otherwise WeChat refuses it and the staff list still shows the team as not reported.
     */
    public int remindUnreported() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.toLocalTime().isBefore(properties.reminderTime())) {
            return 0;
        }
        int reminded = 0;
        for (DailyPrompt prompt : prompts.unreportedNotReminded(now.toLocalDate())) {
            if (prompts.claimReminder(prompt.getId(), now) == 1) {
                MedicalTeam team = prompts.team(prompt.getTeamId());
                for (String openId : prompts.boundFollowers(prompt.getTeamId())) {
                    officialAccount.sendText(openId, "「" + team.getName() + "」今天还没有报告一线需求。如有需要，请直接回复，如："
                            + "需求 N95口罩 200个；防护服 50套。没有需求也请回复：需求 无。");
                }
                reminded++;
                meters.counter("qn.prompt.reminders").increment();
            }
        }
        return reminded;
    }

    /** Whether the team reported on that day (shown to staff as 已报告 / 未报告). */
    public boolean reported(long teamId, LocalDate date) {
        return prompts.reportsOn(teamId, date) > 0;
    }

    /**
     * Creates today's prompt (and its deliveries) for every team whose prompt time has come, several teams at a
     * time: at 09:00 every team is due at once, and each creation waits on the database.
     */
    public int createDuePrompts() {
        LocalDateTime now = LocalDateTime.now(clock);
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        awaitAll(prompts.teamsDue(now.toLocalDate(), now.toLocalTime()).stream().map(team -> workers.submit(traced.decorate(() -> {
            if (createPrompt(team, now)) {
                created.incrementAndGet();
                meters.counter("qn.prompt.issued").increment();
            }
        }))).toList());
        return created.get();
    }

    private boolean createPrompt(MedicalTeam team, LocalDateTime now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                DailyPrompt prompt = new DailyPrompt();
                prompt.setTeamId(team.getId());
                prompt.setOrgId(team.getOrgId());
                prompt.setPromptDate(now.toLocalDate());
                try {
                    prompts.insert(prompt);
                } catch (DuplicateKeyException anotherInstanceWasFirst) {
                    return false;
                }
                for (String openId : prompts.boundFollowers(team.getId())) {
                    addDelivery(prompt, team, openId, PromptDelivery.Channel.TEMPLATE, now);
                }
                if (team.getWecomWebhookSealed() != null) {
                    addDelivery(prompt, team, WECOM_GROUP, PromptDelivery.Channel.WECOM_ROBOT, now);
                }
                return true;
            }));
        } catch (org.springframework.dao.TransientDataAccessException deadlockWithAnotherInstance) {
            // both instances inserting at once may deadlock: one loses, and the next run (or the other) makes it
            log.info("Daily prompt of team {} left to the next run: {}", team.getId(),
                    deadlockWithAnotherInstance.getClass().getSimpleName());
            return false;
        }
    }

    private void awaitAll(List<? extends java.util.concurrent.Future<?>> running) {
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("Daily prompt work failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void addDelivery(DailyPrompt prompt, MedicalTeam team, String recipient, PromptDelivery.Channel channel,
                             LocalDateTime now) {
        PromptDelivery d = new PromptDelivery();
        d.setPromptId(prompt.getId());
        d.setTeamId(team.getId());
        d.setOrgId(team.getOrgId());
        d.setOpenId(recipient);
        d.setChannel(channel);
        d.setStatus(PromptDelivery.Status.PENDING);
        d.setAttempts(0);
        d.setNextAttemptAt(now);
        deliveries.insert(d);
    }

    /**
     * Sends every delivery that is due and not taken by another instance, several at a time (each send waits on
     * WeChat). Each claim is stamped with the moment it is made, not the start of the run: a run longer than
     * {@code staleAfter} must not make its own later claims look abandoned to another instance.
     */
    public int deliverDue() {
        LocalDateTime start = LocalDateTime.now(clock);
        List<Long> due = deliveries.due(start, start.minus(properties.staleAfter()), properties.maxAttempts());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        awaitAll(due.stream().map(id -> workers.submit(traced.decorate(() -> {
            LocalDateTime now = LocalDateTime.now(clock);
            if (deliveries.claim(id, now, now.minus(properties.staleAfter()), properties.maxAttempts()) == 1 && send(id)) {
                sent.incrementAndGet();
            }
        }))).toList());
        return sent.get();
    }

    @jakarta.annotation.PreDestroy
    void stopWorkers() {
        workers.shutdown();
    }

    private boolean send(long id) {
        PromptDelivery d = deliveries.byIdUnscoped(id);
        MedicalTeam team = prompts.team(d.getTeamId());
        LocalDateTime now = LocalDateTime.now(clock);
        DailyPromptMapper.DayFigures yesterday = prompts.figures(team.getId(), now.toLocalDate().minusDays(1));
        try {
            if (d.getChannel() == PromptDelivery.Channel.WECOM_ROBOT) {
                if (team.getWecomWebhookSealed() == null) {
                    throw new OfficialAccountException(WecomGroupRobot.INVALID_WEBHOOK);
                }
                wecom.sendMarkdown(cipher.open(team.getWecomWebhookSealed()), markdown(team, now.toLocalDate(), yesterday));
            } else {
                officialAccount.sendTemplate(d.getOpenId(), properties.templateId(),
                        properties.reportPage().replace("{teamId}", String.valueOf(team.getId())),
                        content(team, now.toLocalDate(), yesterday));
            }
            deliveries.finish(id, d.getAttempts(), PromptDelivery.Status.SENT.name(), d.getNextAttemptAt(), null, now, now);
            delivered(d, "sent");
            return true;
        } catch (OfficialAccountException e) {
            boolean last = FINAL.contains(e.errorCode()) || d.getAttempts() >= properties.maxAttempts();
            Duration pause = BACKOFF.get(Math.min(d.getAttempts(), BACKOFF.size()) - 1);
            deliveries.finish(id, d.getAttempts(), (last ? PromptDelivery.Status.GAVE_UP : PromptDelivery.Status.FAILED).name(),
                    now.plus(pause), "errcode " + e.errorCode(), null, now);
            log.warn("Daily prompt delivery {} failed with errcode {}{}", id, e.errorCode(), last ? ", giving up" : "");
            delivered(d, last ? "gave_up" : "failed");
            return false;
        }
    }

    private void delivered(PromptDelivery d, String outcome) {
        meters.counter("qn.prompt.deliveries", "outcome", outcome, "channel", d.getChannel().name()).increment();
    }

    /** The same prompt for the team's WeCom group, where leads and liaisons read it together. */
    private static String markdown(MedicalTeam team, LocalDate date, DailyPromptMapper.DayFigures yesterday) {
        return "**" + team.getName() + " 每日需求提示**\n"
                + "> 日期：" + date.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + "\n"
                + "> 昨日需求 <font color=\"warning\">" + yesterday.reported() + "</font> 项：在办 " + yesterday.inProgress()
                + " 项，已送达 " + yesterday.done() + " 项\n"
                + "请领队或联络员在小程序“报告需求”中报告今日一线物资和其他需求，"
                + "或回复公众号，如：需求 N95口罩 200个；防护服 50套";
    }

    private static Map<String, String> content(MedicalTeam team, LocalDate date, DailyPromptMapper.DayFigures yesterday) {
        Map<String, String> data = new LinkedHashMap<>();
        String name = team.getName() + (team.getBatch() == null ? "" : "（" + Batches.label(team.getBatch()) + "）");
        data.put("thing1", name.length() > 20 ? name.substring(0, 20) : name);
        data.put("time2", date.format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
        data.put("thing3", "昨日需求" + yesterday.reported() + "项：在办" + yesterday.inProgress() + "项，已送达"
                + yesterday.done() + "项");
        data.put("thing4", "请报告今日一线物资和其他需求");
        return data;
    }

    /** Prompts of a team (jurisdiction applies) with their deliveries, newest first. */
    public List<DailyPrompt> of(long teamId) {
        return prompts.selectList(new LambdaQueryWrapper<DailyPrompt>().eq(DailyPrompt::getTeamId, teamId)
                .orderByDesc(DailyPrompt::getPromptDate).last("LIMIT 30"));
    }

    public List<PromptDelivery> deliveriesOf(long promptId) {
        return deliveries.selectList(new LambdaQueryWrapper<PromptDelivery>().eq(PromptDelivery::getPromptId, promptId)
                .orderByAsc(PromptDelivery::getId));
    }
}
