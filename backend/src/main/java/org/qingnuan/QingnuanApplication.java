package org.qingnuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.modulith.Modulithic;

/**
 * {@code @SpringBootApplication}, spelled out for one more exclusion: classes for the management server's child
 * context ({@code @ManagementContextConfiguration}, e.g. {@code ManagementTraceIds}) are imported there only, as
 * Spring Boot asks; scanned into the main context as well they registered a second trace filter on every request.
 * {@code @Modulithic} marks the root of the modules for Spring Modulith, as {@code @SpringBootApplication} did.
 */
@Modulithic
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
public class QingnuanApplication {

    public static void main(String[] args) {
        SpringApplication.run(QingnuanApplication.class, args);
    }
}
