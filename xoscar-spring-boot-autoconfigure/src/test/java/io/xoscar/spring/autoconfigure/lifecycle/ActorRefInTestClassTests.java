package io.xoscar.spring.autoconfigure.lifecycle;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.xoscar.ActorHandle;
import io.xoscar.spring.ActorRef;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.Tally;
import io.xoscar.spring.autoconfigure.lifecycle.TallyApplication.TallyApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ActorRef} points of a test class resolve by themselves: no bean of the application asks
 * for {@code TallyApi} or {@code ActorHandle<Tally>}.
 */
@SpringBootTest(classes = TallyApplication.class, properties = { "xoscar.pools.cpu.count=1", "context=injection" })
class ActorRefInTestClassTests {

	@ActorRef("tally")
	TallyApi tally;

	@ActorRef("tally")
	ActorHandle<Tally> handle;

	TallyApi fromMethod;

	@Autowired
	void setTally(@ActorRef("tally") TallyApi tally) {
		this.fromMethod = tally;
	}

	@Test
	void fieldsAndMethodsOfTheTestClassGetTheirReferences() {
		long before = this.tally.total();
		assertThat(this.tally.add(3)).isEqualTo(before + 3);
		assertThat(this.handle.method("total").<Long>call()).isEqualTo(before + 3);
		assertThat(this.fromMethod.add(1)).isEqualTo(before + 4);
		assertThat(this.fromMethod).isSameAs(this.tally);
	}

}
