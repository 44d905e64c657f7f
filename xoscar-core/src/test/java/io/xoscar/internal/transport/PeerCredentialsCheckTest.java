package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PeerCredentialsCheck} does with a connection whose user it cannot know (a channel
 * without peer credentials): it fails closed. The check of real users is in
 * {@link OwnerOnlyChannelsTest}.
 */
class PeerCredentialsCheckTest {

	@Test
	void aConnectionWithoutPeerCredentialsIsClosedAndCountedBeforeTheNextHandlersSeeIt() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		List<String> seen = new ArrayList<>();
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addLast(new PeerCredentialsCheck(0, "127.0.0.1:1", new Rejections(meters)),
				new ChannelInboundHandlerAdapter() {
					@Override
					public void channelActive(ChannelHandlerContext ctx) {
						seen.add("active");
					}
				});
		channel.pipeline().fireChannelActive();
		assertThat(channel.isOpen()).isFalse();
		assertThat(meters.get(Rejections.METER).tag("reason", "other-user").counter().count()).isEqualTo(1.0);
		assertThat(meters.get(Rejections.METER).tag("reason", "bad-proof").counter().count()).isZero();
		assertThat(seen).isEmpty();
	}

}
