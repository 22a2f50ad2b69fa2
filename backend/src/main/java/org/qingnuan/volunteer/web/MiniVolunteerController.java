package org.qingnuan.volunteer.web;

import org.qingnuan.api.volunteer.MiniVolunteerApi;
import org.qingnuan.api.volunteer.TaskView;
import org.qingnuan.api.volunteer.TrainingView;
import org.qingnuan.api.volunteer.VolunteerRequests;
import org.qingnuan.api.volunteer.VolunteerView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.ticket.VolunteerTasks;
import org.qingnuan.volunteer.ProtectionTraining;
import org.qingnuan.volunteer.Volunteers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
class MiniVolunteerController implements MiniVolunteerApi {

    private final Volunteers volunteers;
    private final ProtectionTraining training;
    private final VolunteerTasks tasks;
    private final org.qingnuan.volunteer.ServiceHoursLedger hours;
    private final org.qingnuan.volunteer.Certificates certificates;

    MiniVolunteerController(Volunteers volunteers, ProtectionTraining training, VolunteerTasks tasks,
                          org.qingnuan.volunteer.ServiceHoursLedger hours, org.qingnuan.volunteer.Certificates certificates) {
        this.certificates = certificates;
        this.hours = hours;
        this.volunteers = volunteers;
        this.training = training;
        this.tasks = tasks;
    }

    @Override
    public List<Organisation> organisations() {
        return volunteers.organisations();
    }

    @Override
    public ResponseEntity<VolunteerView> register(VolunteerRequests.Register request) {
        return ResponseEntity.created(URI.create("/api/mini/volunteer/me")).body(volunteers.register(CurrentUser.require(), request));
    }

    @Override
    public VolunteerView me() {
        return volunteers.me(CurrentUser.require());
    }

    @Override
    public TrainingView training() {
        return training.course(CurrentUser.require());
    }

    @Override
    public TrainingView.Result submitQuiz(VolunteerRequests.QuizAnswers answers) {
        return training.submit(CurrentUser.require(), answers.answers());
    }

    @Override
    public List<TaskView> nearby() {
        return tasks.nearby(volunteers.onDuty(CurrentUser.require()));
    }

    @Override
    public List<TaskView> mine() {
        return tasks.mine(volunteers.onDuty(CurrentUser.require()));
    }

    @Override
    public TaskView task(long id) {
        return tasks.task(volunteers.onDuty(CurrentUser.require()), id);
    }

    @Override
    public TaskView claim(long id) {
        UserPrincipal user = CurrentUser.require();
        return tasks.claim(user.userId(), () -> volunteers.onDuty(user), id);
    }

    @Override
    public TaskView release(long id, VolunteerRequests.Release request) {
        return tasks.release(volunteers.onDuty(CurrentUser.require()), id, request.reason());
    }

    @Override
    public TaskView start(long id) {
        return tasks.start(volunteers.onDuty(CurrentUser.require()), id);
    }

    @Override
    public TaskView complete(long id, VolunteerRequests.Complete request) {
        UserPrincipal user = CurrentUser.require();
        return tasks.complete(volunteers.onDuty(user), id, request.note(), request.photoKeys(), user.userId(), user.openId());
    }

    @Override
    public org.qingnuan.api.volunteer.HoursView hours() {
        return hours.of(volunteers.ofUser(CurrentUser.require()).getId());
    }

    @Override
    public ResponseEntity<byte[]> certificate() {
        return CertificateDownload.of(certificates.pdfOf(volunteers.ofUser(CurrentUser.require()).getId()));
    }

    @Override
    public org.qingnuan.api.volunteer.CertificateView certificateVerification() {
        return certificates.currentOf(volunteers.ofUser(CurrentUser.require()).getId());
    }
}
