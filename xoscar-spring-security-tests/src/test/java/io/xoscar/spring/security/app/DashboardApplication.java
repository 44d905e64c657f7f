package io.xoscar.spring.security.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test: a node with one actor ({@link Greeter}) and whatever security the
 * test adds (Boot's default chain, or one of the README's chains); its package holds nothing else,
 * so that its component scan finds no test's chain.
 */
@SpringBootApplication
public class DashboardApplication {

}
