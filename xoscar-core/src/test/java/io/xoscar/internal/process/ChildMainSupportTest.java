package io.xoscar.internal.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parsing and validation only: a successful {@code ready} would install the parent watch in the test
 * JVM. Writing the line is covered by {@link ChildJvmTest}.
 */
class ChildMainSupportTest {

	@Test
	void readyLineCarriesThePayloadAfterASpace() {
		assertThat(ChildMainSupport.payloadOf("XOSCAR-READY 127.0.0.1:4711")).isEqualTo("127.0.0.1:4711");
		assertThat(ChildMainSupport.payloadOf("XOSCAR-READY  two spaces")).isEqualTo(" two spaces");
		assertThat(ChildMainSupport.payloadOf("XOSCAR-READY")).isEmpty();
		assertThat(ChildMainSupport.payloadOf("XOSCAR-READY ")).isEmpty();
	}

	@Test
	void otherLinesAreNoReadyLines() {
		assertThat(ChildMainSupport.payloadOf("XOSCAR-READYX")).isNull();
		assertThat(ChildMainSupport.payloadOf("log: XOSCAR-READY 1")).isNull();
		assertThat(ChildMainSupport.payloadOf("")).isNull();
	}

	@Test
	void payloadMustBeOneShortLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChildMainSupport.ready("a\nb"))
			.withMessageContaining("one line");
		assertThatIllegalArgumentException().isThrownBy(() -> ChildMainSupport.ready("a\rb"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChildMainSupport.ready("x".repeat(ChildMainSupport.MAX_PAYLOAD_LENGTH + 1)))
			.withMessageContaining("longer than");
		assertThat(ParentWatch.isInstalled()).isFalse();
	}

}
