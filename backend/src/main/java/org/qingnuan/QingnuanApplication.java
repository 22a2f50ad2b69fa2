package org.qingnuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QingnuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(QingnuanApplication.class, args);
    }
}
