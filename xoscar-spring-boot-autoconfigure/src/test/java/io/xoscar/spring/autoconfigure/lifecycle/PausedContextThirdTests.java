package io.xoscar.spring.autoconfigure.lifecycle;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.Tally;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.TallyApi;

import static org.assertj.core.api.Assertions.assertThat;

/** The third class: context A again, taken from the cache after it was paused. */
@Order(3)
@SpringBootTest(classes = TallyApplication.class, properties = { "xoscar.pools.cpu.count=1", "context=A" })
class PausedContextThirdTests {

	@ActorRef("tally")
	TallyApi tally;

	@ActorRef("tally")
	ActorHandle<Tally> handle;

	@Autowired
	ActorSystem system;

	@Test
	void contextAStillServesItsActorWithItsState() {
		assertThat(this.system.address()).isEqualTo(PausedContextFirstTests.address);
		assertThat(this.tally.total()).isEqualTo(5);
		assertThat(this.tally.add(2)).isEqualTo(7);
		assertThat(this.handle.method("total").<Long>call()).isEqualTo(7);
	}

}
