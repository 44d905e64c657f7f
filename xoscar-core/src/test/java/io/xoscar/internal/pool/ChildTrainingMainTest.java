package io.xoscar.internal.pool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training child of the class-data sharing archive runs while the pool's own child holds the
 * pool's port, and its node is nobody's pool.
 */
class ChildTrainingMainTest {

	@Test
	void theTrainingNodeTakesThePoolsArgumentsButItsPortAndItsParent() {
		String[] args = { "--xoscar-pool.host=127.0.0.1", "--xoscar-pool.port=7701", "--xoscar-pool.threads=2",
				"--xoscar-pool.parent=127.0.0.1:7700", "--xoscar-pool.unix-sockets=true" };

		assertThat(ChildTrainingMain.trainingArguments(args)).containsExactly("--xoscar-pool.host=127.0.0.1",
				"--xoscar-pool.threads=2", "--xoscar-pool.unix-sockets=true");
	}

}
