package bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The reference of benchmarks/http.sh: what Tomcat, Spring MVC and Jackson cost for a tiny JSON answer. */
@SpringBootApplication
@RestController
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @GetMapping("/hello")
    Map<String, Object> hello() {
        return Map.of("status", "UP", "service", "bare");
    }
}
