package io.xoscar.spring.autoconfigure.lifecycle;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.ActorSystem;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.TallyApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first of three test classes run in this order: context A, then context B, then context A
 * again. Between them Spring's test framework pauses the cached context A (and restarts it for the
 * third class): its actor system must still serve the references injected here and there.
 */
@Order(1)
@SpringBootTest(classes = TallyApplication.class, properties = { "xoscar.pools.cpu.count=1", "context=A" })
class PausedContextFirstTests {

	/** What the third class checks: the node it gets is this one, alive, with the same actor. */
	static String address;

	@ActorRef("tally")
	TallyApi tally;

	@Autowired
	ActorSystem system;

	@Test
	void theActorCountsInContextA() {
		assertThat(this.tally.add(5)).isEqualTo(5);
		address = this.system.address();
	}

}
