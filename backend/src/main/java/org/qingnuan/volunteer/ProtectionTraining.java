package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.volunteer.TrainingView;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.volunteer.internal.TrainingAttemptMapper;
import org.qingnuan.volunteer.internal.TrainingQuestionMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The protection course and its quiz. The course text is fixed (seed 003's "严格开展疫情防护知识培训");
 * staff manage the bank of questions. Each attempt draws its questions from the bank; the pass mark is a
 * percentage; attempts per day are limited (issue 17: the quiz was passed blind on the 6th try).
 */
@Service
public class ProtectionTraining {

    static final List<String> COURSE = List.of(
            "一、出门服务前：确认自己和同住人近 14 天无发热、咳嗽等症状；如有不适，放弃任务并告知工作人员。",
            "二、口罩：全程佩戴医用外科口罩或 N95 口罩，覆盖口鼻、压紧鼻夹；口罩潮湿或污染时立即更换。",
            "三、手卫生：进门前、离开后、接触物品后，用洗手液流水洗手 20 秒以上，或用含酒精的免洗洗手液。",
            "四、保持距离：与服务对象保持 1 米以上距离，尽量“无接触”交接物品；不在服务对象家中用餐。",
            "五、物品消毒：交接的物品外包装可用 75% 酒精擦拭；服务结束后及时清洁手机、钥匙等随身物品。",
            "六、特殊情况：遇到服务对象发热、咳嗽，或情绪激动、有轻生言行，立即联系工作人员，不要独自处理。");

    private final TrainingQuestionMapper questions;
    private final TrainingAttemptMapper attempts;
    private final Volunteers volunteers;
    private final VolunteerProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    /** An opened quiz stays answerable this long; afterwards opening it draws again. */
    static final java.time.Duration DRAW_VALID = java.time.Duration.ofHours(2);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    ProtectionTraining(TrainingQuestionMapper questions, TrainingAttemptMapper attempts, Volunteers volunteers,
                       VolunteerProperties properties, ObjectMapper json, Clock clock,
                       org.springframework.transaction.support.TransactionTemplate transactions) {
        this.clock = clock;
        this.transactions = transactions;
        this.questions = questions;
        this.attempts = attempts;
        this.volunteers = volunteers;
        this.properties = properties;
        this.json = json;
    }

    public record QuestionRequest(
            @jakarta.validation.constraints.NotBlank(message = "请填写题目")
            @jakarta.validation.constraints.Size(max = 300, message = "题目最多 300 个字") String question,
            @jakarta.validation.constraints.Size(min = 2, max = 6, message = "每题 2 到 6 个选项")
            @jakarta.validation.constraints.NotNull(message = "请填写选项")
            List<@jakarta.validation.constraints.NotBlank(message = "选项不能为空")
                 @jakarta.validation.constraints.Size(max = 100, message = "每个选项最多 100 个字") String> choices,
            @jakarta.validation.constraints.NotNull(message = "请选择正确答案")
            @jakarta.validation.constraints.Min(value = 0, message = "正确答案须是其中一个选项") Integer answer) {
    }

    public record QuestionView(long id, String question, List<String> choices, int answer, boolean active) {
    }

    /**
     * The course and an attempt's questions: the volunteer's open draw (opened within {@link #DRAW_VALID}, not yet
     * answered), else a new one — {@code quizSize} questions of the bank at random, in random order. With the
     * day's attempts used up the course stays readable and no questions are drawn.
     */
    @Transactional
    public TrainingView course(UserPrincipal user) {
        Volunteer v = volunteers.ofUser(user);
        int left = attemptsLeft(v.getId());
        if (left <= 0) {
            return new TrainingView(COURSE, List.of(), properties.passMarkPercent(), 0, properties.quizAttemptsPerDay());
        }
        TrainingAttempt draw = openDraw(v.getId());
        if (draw == null) {
            List<TrainingQuestion> bank = new java.util.ArrayList<>(active());
            if (bank.isEmpty()) {
                return new TrainingView(COURSE, List.of(), properties.passMarkPercent(), left, properties.quizAttemptsPerDay());
            }
            java.util.Collections.shuffle(bank, RANDOM);
            draw = new TrainingAttempt();
            draw.setVolunteerId(v.getId());
            draw.setQuestionIds(String.join(",", bank.stream().limit(properties.quizSize())
                    .map(q -> Long.toString(q.getId())).toList()));
            attempts.insert(draw);
        }
        Map<Long, TrainingQuestion> byId = new java.util.HashMap<>();
        questions.selectBatchIds(ids(draw)).forEach(q -> byId.put(q.getId(), q));
        return new TrainingView(COURSE, ids(draw).stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(q -> new TrainingView.Question(q.getId(), q.getQuestion(), choices(q))).toList(),
                properties.passMarkPercent(), left, properties.quizAttemptsPerDay());
    }

    /**
     * Grades the open draw (answers to other questions are ignored, unanswered ones are wrong) under the volunteer's
     * row lock, so parallel submissions cannot pass the day's limit. The answer says how many were right, never which.
     */
    public TrainingView.Result submit(UserPrincipal user, Map<Long, Integer> answers) {
        Volunteer v = volunteers.ofUser(user);
        // the row lock is the transaction's first statement, so its reads see what earlier holders committed
        // (InnoDB's snapshot starts at the first plain read)
        return transactions.execute(status -> {
            volunteers.lock(v.getId());
            return grade(v, answers);
        });
    }

    private TrainingView.Result grade(Volunteer v, Map<Long, Integer> answers) {
        int left = attemptsLeft(v.getId());
        if (left <= 0) {
            throw DomainException.limited(VolunteerError.QUIZ_ATTEMPTS_EXHAUSTED, "今天的 " + properties.quizAttemptsPerDay()
                    + " 次测试机会已用完，请再看看课程，明天再试", org.qingnuan.shared.time.Days.untilTomorrow(clock));
        }
        TrainingAttempt draw = openDraw(v.getId());
        if (draw == null) {
            if (active().isEmpty()) {
                throw new DomainException(VolunteerError.QUIZ_UNAVAILABLE);
            }
            throw new DomainException(VolunteerError.QUIZ_NOT_OPENED);
        }
        List<TrainingQuestion> quiz = questions.selectBatchIds(ids(draw));
        int score = (int) quiz.stream().filter(q -> q.getAnswer().equals(answers.get(q.getId()))).count();
        boolean passed = !quiz.isEmpty() && score * 100 >= properties.passMarkPercent() * quiz.size();
        attempts.update(null, new LambdaUpdateWrapper<TrainingAttempt>().set(TrainingAttempt::getScore, score)
                .set(TrainingAttempt::getPassed, passed).set(TrainingAttempt::getSubmittedAt, LocalDateTime.now(clock))
                .eq(TrainingAttempt::getId, draw.getId()));
        if (passed) {
            volunteers.trainingPassed(v.getId());
        }
        int remaining = left - 1;
        return new TrainingView.Result(score, quiz.size(), passed, passed
                ? "测试通过，防护培训合格"
                : "答对 " + score + " 题，未达到及格线（" + properties.passMarkPercent() + "%）。请重新学习课程"
                        + (remaining > 0 ? "，今天还可以再试 " + remaining + " 次（题目会重新抽取）" : "，今天的测试机会已用完，明天再试"),
                remaining);
    }

    private int attemptsLeft(long volunteerId) {
        long used = attempts.selectCount(new LambdaQueryWrapper<TrainingAttempt>().eq(TrainingAttempt::getVolunteerId, volunteerId)
                .isNotNull(TrainingAttempt::getSubmittedAt)
                .ge(TrainingAttempt::getSubmittedAt, LocalDate.now(clock).atStartOfDay()));
        return (int) Math.max(0, properties.quizAttemptsPerDay() - used);
    }

    private TrainingAttempt openDraw(long volunteerId) {
        return attempts.selectOne(new LambdaQueryWrapper<TrainingAttempt>().eq(TrainingAttempt::getVolunteerId, volunteerId)
                .isNull(TrainingAttempt::getSubmittedAt).isNotNull(TrainingAttempt::getQuestionIds)
                .ge(TrainingAttempt::getCreatedAt, LocalDateTime.now(clock).minus(DRAW_VALID))
                .orderByDesc(TrainingAttempt::getId).last("LIMIT 1"));
    }

    private static List<Long> ids(TrainingAttempt draw) {
        return java.util.Arrays.stream(draw.getQuestionIds().split(",")).map(Long::valueOf).toList();
    }

    // --- staff side ---

    public List<QuestionView> all() {
        return questions.selectList(new LambdaQueryWrapper<TrainingQuestion>().orderByDesc(TrainingQuestion::getActive)
                .orderByAsc(TrainingQuestion::getId)).stream()
                .map(q -> new QuestionView(q.getId(), q.getQuestion(), choices(q), q.getAnswer(), Boolean.TRUE.equals(q.getActive())))
                .toList();
    }

    public QuestionView add(QuestionRequest r) {
        if (r.answer() >= r.choices().size()) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "answer", "正确答案须是其中一个选项");
        }
        TrainingQuestion q = new TrainingQuestion();
        q.setQuestion(r.question().trim());
        q.setChoices(write(r.choices()));
        q.setAnswer(r.answer());
        q.setActive(true);
        questions.insert(q);
        return new QuestionView(q.getId(), q.getQuestion(), r.choices(), r.answer(), true);
    }

    public void retire(long id) {
        questions.update(null, new LambdaUpdateWrapper<TrainingQuestion>().set(TrainingQuestion::getActive, false)
                .eq(TrainingQuestion::getId, id));
    }

    private List<TrainingQuestion> active() {
        return questions.selectList(new LambdaQueryWrapper<TrainingQuestion>().eq(TrainingQuestion::getActive, true)
                .orderByAsc(TrainingQuestion::getId));
    }

    private List<String> choices(TrainingQuestion q) {
        try {
            return json.readValue(q.getChoices(), new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored choices are not a JSON list", e);
        }
    }

    private String write(List<String> choices) {
        try {
            return json.writeValueAsString(choices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
