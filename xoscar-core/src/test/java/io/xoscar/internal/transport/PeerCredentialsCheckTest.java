package io.xoscar.internal.transport;

import java.util.ArrayList;
import java.util.List;

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
		List<String> reasons = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addLast(new PeerCredentialsCheck(0, "127.0.0.1:1", reasons::add),
				new ChannelInboundHandlerAdapter() {
					@Override
					public void channelActive(ChannelHandlerContext ctx) {
						seen.add("active");
					}
				});
		channel.pipeline().fireChannelActive();
		assertThat(channel.isOpen()).isFalse();
		assertThat(reasons).containsExactly(Rejections.OTHER_USER);
		assertThat(seen).isEmpty();
	}

}
