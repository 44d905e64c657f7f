package io.xoscar.spring.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.spring.XActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with a token and a process pool: the child JVM runs the application's context
 * with the parent's properties (the starter's own private input) and its node the token (xoscar's),
 * neither on its command line nor in its environment.
 */
@SpringBootTest(classes = ProcessPoolTokenTests.TokenApplication.class,
		properties = { "xoscar.security.token=" + ProcessPoolTokenTests.TOKEN, "greeting=hi", "xoscar.main-pool-threads=1",
				"xoscar.pools.gpu.mode=process", "xoscar.pools.gpu.jvm-args=-Xmx128m" })
class ProcessPoolTokenTests {

	static final String TOKEN = "spring-child-token-7f3a";

	@XActor(uid = "greeter", pool = "gpu")
	public static class Greeter extends Actor {

		@Value("${greeting:unset}")
		private String greeting;

		public String greeting() {
			return this.greeting;
		}

		public long pid() {
			return ProcessHandle.current().pid();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Greeter.class)
	static class TokenApplication {

	}

	@Autowired
	private ActorSystem system;

	@Test
	void theChildHasTheParentsPropertiesAndTheTokenButNotInProc() throws IOException {
		var greeter = this.system.handle(this.system.address(), "greeter", Greeter.class);
		assertThat(greeter.method("greeting").<String>call()).isEqualTo("hi");
		long pid = greeter.method("pid").<Long>call();
		assertThat(pid).isEqualTo(this.system.pools().get(1).pid());
		for (String file : new String[] { "cmdline", "environ" }) {
			String content = Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.ISO_8859_1);
			assertThat(content).as("/proc/%d/%s", pid, file).isNotEmpty().doesNotContain(TOKEN);
		}
	}

}
