package io.xoscar.internal.transport;

import org.junit.jupiter.api.Test;

import io.xoscar.config.ActorSystemConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The address a node tells its peers when it binds another one.
 */
class AdvertisedAddressTest {

	@Test
	void theAdvertisedHostKeepsTheBoundPortUnlessItNamesOne() {
		assertThat(Transport.advertisedAddress("0.0.0.0", 7700, null)).isEqualTo("0.0.0.0:7700");
		assertThat(Transport.advertisedAddress("0.0.0.0", 7700, "10.1.2.3")).isEqualTo("10.1.2.3:7700");
		assertThat(Transport.advertisedAddress("0.0.0.0", 7700, "10.1.2.3:0")).isEqualTo("10.1.2.3:7700");
		assertThat(Transport.advertisedAddress("0.0.0.0", 7700, "gateway:9900")).isEqualTo("gateway:9900");
	}

	@Test
	void malformedAdvertisedAddressesAreRefused() {
		for (String bad : new String[] { "", " ", "host:port", "host:70000", ":7700", "host:1/2" }) {
			assertThatThrownBy(() -> ActorSystemConfig.builder().advertisedAddress(bad).build()).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("advertisedAddress");
		}
	}

}
