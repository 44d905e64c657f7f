package io.xoscar.spring.autoconfigure.lifecycle;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.spring.ActorRef;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.TallyApi;

import static org.assertj.core.api.Assertions.assertThat;

/** The second class: another context (B); switching to it pauses context A. */
@Order(2)
@SpringBootTest(classes = TallyApplication.class, properties = { "xoscar.pools.cpu.count=1", "context=B" })
class PausedContextSecondTests {

	@ActorRef("tally")
	TallyApi tally;

	@Test
	void contextBHasItsOwnActor() {
		assertThat(this.tally.add(1)).isEqualTo(1);
	}

}
