package org.qingnuan.wechat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17.10: a group robot's webhook key lets anyone post to the group, and WxJava logged the whole
 * webhook URL at ERROR when a send failed. Every log event of a failed, a refused and a successful send
 * is captured (WxJava's loggers at DEBUG) and searched for the key.
 */
class WecomRobotKeyNotLoggedIT extends IntegrationTest {

    @Autowired
    WecomGroupRobot robot;
    @Autowired
    WechatErrors wechatErrors;
    @Autowired
    LoggingSystem logging;

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logging.setLogLevel("me.chanjar", LogLevel.DEBUG);
        logging.setLogLevel("org.qingnuan", LogLevel.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        logging.setLogLevel("me.chanjar", null);
        logging.setLogLevel("org.qingnuan", null);
    }

    @Test
    void shouldNeverLogTheWebhookKeyWhenASendFailsIsRefusedOrWorks() throws Exception {
        String removed = "bad-" + UUID.randomUUID();
        String throttled = "busy-" + UUID.randomUUID();
        String working = "ok-" + UUID.randomUUID();
        String unreachableKey = "down-" + UUID.randomUUID();

        assertThatThrownBy(() -> robot.sendMarkdown(removed, "## 测试"))
                .isInstanceOfSatisfying(OfficialAccountException.class, e -> assertThat(e.errorCode()).isEqualTo(93000));
        assertThatThrownBy(() -> robot.sendMarkdown(throttled, "## 测试"))
                .isInstanceOfSatisfying(OfficialAccountException.class, e -> assertThat(e.errorCode()).isEqualTo(45009));
        robot.sendMarkdown(working, "## 测试");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WxWecomGroupRobot unreachable = new WxWecomGroupRobot("http://127.0.0.1:" + closedPort, wechatErrors);
        assertThatThrownBy(() -> unreachable.sendMarkdown(unreachableKey, "## 测试"))
                .isInstanceOfSatisfying(OfficialAccountException.class, e -> assertThat(e.errorCode()).isNegative());

        assertThat(WechatApiStub.get().calls("/cgi-bin/webhook/send")).as("the sends did reach the stub")
                .anyMatch(c -> c.query().contains(removed)).anyMatch(c -> c.query().contains(working));
        List<String> lines = captured.list.stream().map(WecomRobotKeyNotLoggedIT::text).toList();
        for (String key : List.of(removed, throttled, working, unreachableKey)) {
            assertThat(lines).as("log lines naming the key %s", key).noneMatch(line -> line.contains(key));
        }
    }

    private static String text(ILoggingEvent event) {
        StringBuilder all = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        return all.toString();
    }
}
