package io.camelhalo.component.halo.springboot;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The test application: nothing but Spring Boot's auto-configuration and application.yml. */
@SpringBootApplication
public class HaloStarterApplication {
}
