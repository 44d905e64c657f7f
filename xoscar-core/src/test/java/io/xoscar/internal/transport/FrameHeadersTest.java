package io.xoscar.internal.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.ChainLink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional trailing headers of a frame (what a call carries of its caller's observation):
 * they travel with or without a call chain, and frames written without them, as before they
 * existed, still decode.
 */
class FrameHeadersTest {

	private static final Map<String, String> HEADERS = Map.of("traceparent",
			"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "baggage", "tenant=a");

	private static final List<ChainLink> CHAIN = List.of(new ChainLink("127.0.0.1:7700", "a", "relay", 42));

	private final Wire wire = new Wire(() -> CallRouter.DEFAULT);

	@Test
	void headersTravelWithARequest() {
		Inbound received = roundTrip(
				Outbound.request(Op.CALL, 1, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, null, HEADERS));
		assertThat(received.headers()).isEqualTo(HEADERS);
		assertThat(received.chain()).isNull();
		assertThat(received.payload().get(0).stringValue()).isEqualTo("hi");
	}

	@Test
	void headersTravelAfterACallChain() {
		Inbound received = roundTrip(
				Outbound.request(Op.CALL, 2, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, CHAIN, HEADERS));
		assertThat(received.headers()).isEqualTo(HEADERS);
		assertThat(received.chain()).isEqualTo(CHAIN);
	}

	@Test
	void framesWithoutHeadersDecodeAsBefore() {
		Inbound withChain = roundTrip(
				Outbound.request(Op.CALL, 3, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, CHAIN, null));
		assertThat(withChain.chain()).isEqualTo(CHAIN);
		assertThat(withChain.headers()).isNull();
		Inbound plain = roundTrip(Outbound.result(4, "done"));
		assertThat(plain.headers()).isNull();
		assertThat(plain.payload().stringValue()).isEqualTo("done");
	}

	@Test
	void anEightElementFrameOfAnEarlierWriterDecodes() {
		byte[] body = new CBORMapper().writeValueAsBytes(
				Arrays.asList(Op.CALL, 5, "127.0.0.1:7700", "echo", "echo", null, List.of("hi"), null));
		ByteBuf frame = Unpooled.buffer().writeInt(body.length).writeBytes(body);
		Inbound received = this.wire.decode(frame);
		assertThat(received.id()).isEqualTo(5);
		assertThat(received.chain()).isNull();
		assertThat(received.headers()).isNull();
	}

	private Inbound roundTrip(Outbound frame) {
		ByteBuf buffer = this.wire.encode(ByteBufAllocator.DEFAULT, frame);
		try {
			buffer.readInt();
			return this.wire.decode(buffer);
		}
		finally {
			buffer.release();
		}
	}

}
