package io.xoscar.spring.autoconfigure.lifecycle;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.xoscar.Actor;
import io.xoscar.spring.XActor;

/**
 * A small application of its own for the lifecycle and injection tests: one {@code @XActor} that
 * counts, and its typed interface.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TallyApplication.Tally.class)
public class TallyApplication {

	@XActor(uid = "tally", pool = "cpu")
	public static class Tally extends Actor {

		private long total;

		public long add(long amount) {
			return this.total += amount;
		}

		public long total() {
			return this.total;
		}

	}

	public interface TallyApi {

		long add(long amount);

		long total();

	}

}
