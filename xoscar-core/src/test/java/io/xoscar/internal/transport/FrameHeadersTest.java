package io.xoscar.internal.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.debug.ChainLink;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional trailing elements of a frame: the headers (what a call carries of its caller's
 * observation) and the caller's origin travel with or without the elements before them, and frames
 * written without them, as before they existed, still decode.
 */
class FrameHeadersTest {

	private static final Map<String, String> HEADERS = Map.of("traceparent",
			"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "baggage", "tenant=a");

	private static final List<ChainLink> CHAIN = List.of(new ChainLink("127.0.0.1:7700", "a", "relay", 42));

	private final Wire wire = new Wire(() -> CallRouter.DETACHED);

	@Test
	void headersTravelWithARequest() {
		Frame.Call received = (Frame.Call) roundTrip(
				Frame.Call.of(1, true, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, null, HEADERS, null));
		assertThat(received.headers()).isEqualTo(HEADERS);
		assertThat(received.chain()).isNull();
		assertThat(received.tree().get(0).stringValue()).isEqualTo("hi");
	}

	@Test
	void headersTravelAfterACallChain() {
		Frame.Call received = (Frame.Call) roundTrip(
				Frame.Call.of(2, true, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, CHAIN, HEADERS, null));
		assertThat(received.headers()).isEqualTo(HEADERS);
		assertThat(received.chain()).isEqualTo(CHAIN);
	}

	@Test
	void theOriginTravelsAloneOrAfterTheOtherElements() {
		CallOrigin actor = new CallOrigin("a", "Relay", "relay", "127.0.0.1:7700/1");
		CallOrigin thread = CallOrigin.thread("main", "127.0.0.1:7700");
		Frame.Call alone = (Frame.Call) roundTrip(Frame.Call.of(6, true, "127.0.0.1:7701", "echo", "echo", null,
				new Object[] { "hi" }, null, null, thread));
		assertThat(alone.origin()).isEqualTo(thread);
		assertThat(alone.origin()).hasToString("thread main of node 127.0.0.1:7700");
		assertThat(alone.chain()).isNull();
		assertThat(alone.headers()).isNull();
		Frame.Call withAll = (Frame.Call) roundTrip(Frame.Call.of(7, true, "127.0.0.1:7701", "echo", "echo", null,
				new Object[] { "hi" }, CHAIN, HEADERS, actor));
		assertThat(withAll.origin()).isEqualTo(actor);
		assertThat(withAll.origin()).hasToString("'a' (Relay).relay at 127.0.0.1:7700/1");
		assertThat(withAll.chain()).isEqualTo(CHAIN);
		assertThat(withAll.headers()).isEqualTo(HEADERS);
		Frame.Call afterHeaders = (Frame.Call) roundTrip(Frame.Call.of(8, true, "127.0.0.1:7701", "echo", "echo", null,
				new Object[] { "hi" }, null, HEADERS, actor));
		assertThat(afterHeaders.origin()).isEqualTo(actor);
		assertThat(afterHeaders.headers()).isEqualTo(HEADERS);
	}

	@Test
	void framesWithoutHeadersDecodeAsBefore() {
		Frame.Call withChain = (Frame.Call) roundTrip(
				Frame.Call.of(3, true, "127.0.0.1:7700", "echo", "echo", null, new Object[] { "hi" }, CHAIN, null, null));
		assertThat(withChain.chain()).isEqualTo(CHAIN);
		assertThat(withChain.headers()).isNull();
		Frame.Result plain = (Frame.Result) roundTrip(Frame.Result.of(4, "done"));
		assertThat(plain.tree().stringValue()).isEqualTo("done");
	}

	@Test
	void anEightElementFrameOfAnEarlierWriterDecodes() {
		byte[] body = new CBORMapper().writeValueAsBytes(
				Arrays.asList(FrameType.CALL.code(), 5, "127.0.0.1:7700", "echo", "echo", null, List.of("hi"), null));
		ByteBuf frame = Unpooled.buffer().writeInt(body.length).writeBytes(body);
		Frame.Call received = (Frame.Call) this.wire.decode(frame);
		assertThat(received.id()).isEqualTo(5);
		assertThat(received.chain()).isNull();
		assertThat(received.headers()).isNull();
		assertThat(received.origin()).isNull();
	}

	private Frame roundTrip(Frame frame) {
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
