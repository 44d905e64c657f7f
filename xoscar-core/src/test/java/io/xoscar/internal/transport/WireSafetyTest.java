package io.xoscar.internal.transport;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.xoscar.Actor;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.exception.RemoteActorException;
import io.xoscar.internal.call.CallRouter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on a node's socket: malformed and oversized frames close only their connection,
 * class names from the wire are never instantiated unless they name an actor class (for creation)
 * or an allowed exception class (for errors).
 */
class WireSafetyTest {

	private static final int MAX_FRAME = 64 * 1024;

	private final Wire wire = new Wire(() -> CallRouter.DETACHED);

	private ActorSystem system;

	private String host;

	private int port;

	public static class Echo extends Actor {

		public String echo(String text) {
			return text;
		}

	}

	@BeforeEach
	void start() {
		this.system = ActorSystem.create(ActorSystemConfig.builder().mainPoolThreads(1).maxFrameSize(MAX_FRAME).build());
		this.system.createActor(Echo.class, CreateOptions.uid("echo")).join();
		String address = this.system.address();
		this.host = address.substring(0, address.lastIndexOf(':'));
		this.port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	@AfterEach
	void stop() {
		this.system.close();
	}

	private Socket connect() throws IOException {
		return RawPeer.connect(this.host, this.port, 5000);
	}

	private static void send(Socket socket, Frame frame) throws IOException {
		RawPeer.send(socket, frame);
	}

	private static Frame receive(Socket socket) throws IOException {
		return RawPeer.receive(socket);
	}

	private Frame echo(Socket socket, long id) throws IOException {
		send(socket, call(id));
		return receive(socket);
	}

	private Frame.Call call(long id) {
		return Frame.Call.of(id, true, this.system.address(), "echo", "echo", null, new Object[] { "hi" }, null, null, null);
	}

	@Test
	void aValidRequestIsAnswered() throws IOException {
		try (Socket socket = connect()) {
			Frame answer = echo(socket, 1);
			assertThat(answer).isInstanceOf(Frame.Result.class);
			assertThat(((Frame.Result) answer).id()).isEqualTo(1);
			assertThat(((Frame.Result) answer).tree().asString()).isEqualTo("hi");
		}
	}

	@Test
	void argumentsThatDoNotDecodeAreAnsweredWithAnErrorAndTheConnectionStays() throws IOException {
		try (Socket socket = connect()) {
			send(socket, Frame.Call.of(7, true, this.system.address(), "echo", "echo", List.of("java.lang.String"),
					new Object[] { List.of(1, 2) }, null, null, null));
			Frame answer = receive(socket);
			assertThat(answer).isInstanceOf(Frame.Error.class);
			assertThat(((Frame.Error) answer).id()).isEqualTo(7);
			assertThat(((Frame.Error) answer).error().message()).contains("argument 1", "String");
			assertThat(echo(socket, 8)).isInstanceOf(Frame.Result.class);
		}
	}

	@Test
	void malformedFrameClosesOnlyItsConnection() throws IOException {
		try (Socket healthy = connect(); Socket hostile = connect()) {
			DataOutputStream out = new DataOutputStream(hostile.getOutputStream());
			out.writeInt(5);
			out.write(new byte[] { (byte) 0xff, 0x13, 0x37, 0x00, 0x42 });
			out.flush();
			assertThat(RawPeer.closedByPeer(hostile)).isTrue();
			assertThat(echo(healthy, 2)).isInstanceOf(Frame.Result.class);
		}
	}

	@Test
	void oversizedFrameClosesOnlyItsConnection() throws IOException {
		try (Socket healthy = connect(); Socket hostile = connect()) {
			DataOutputStream out = new DataOutputStream(hostile.getOutputStream());
			out.writeInt(MAX_FRAME * 4);
			out.write(new byte[1024]);
			out.flush();
			assertThat(RawPeer.closedByPeer(hostile)).isTrue();
			assertThat(echo(healthy, 3)).isInstanceOf(Frame.Result.class);
		}
	}

	@Test
	void sharedMemoryReferenceFromAnotherHostClosesOnlyItsConnection() throws IOException {
		ByteBuf buffer = this.wire.encode(ByteBufAllocator.DEFAULT, call(9));
		byte[] request = new byte[buffer.readableBytes() - 4];
		buffer.skipBytes(4).readBytes(request);
		buffer.release();
		try (Socket healthy = connect(); Socket hostile = connect()) {
			DataOutputStream out = new DataOutputStream(hostile.getOutputStream());
			out.writeInt(request.length + 20);
			out.write(request);
			out.writeInt(Wire.SHARED);
			out.writeLong(42L);
			out.writeInt(0);
			out.writeInt(8);
			out.flush();
			assertThat(RawPeer.closedByPeer(hostile)).isTrue();
			assertThat(echo(healthy, 10)).isInstanceOf(Frame.Result.class);
		}
	}

	@Test
	void creationOnlyInstantiatesActorClasses() throws IOException {
		try (Socket socket = connect()) {
			send(socket, Frame.Create.of(4, this.system.address(), "pb", ProcessBuilder.class.getName(),
					new Object[] { List.of("touch", "/tmp/pwned") }));
			Frame answer = receive(socket);
			assertThat(answer).isInstanceOf(Frame.Error.class);
			assertThat(((Frame.Error) answer).error().message()).contains("not an actor class");
			send(socket, Frame.Create.of(5, this.system.address(), "nope", "com.example.DoesNotExist", new Object[0]));
			assertThat(((Frame.Error) receive(socket)).error().message()).contains("not on the class path");
		}
	}

	@Test
	void errorsNamingNonExceptionOrDisallowedClassesAreNotInstantiated() {
		RemoteErrors errors = new RemoteErrors(List.of());
		Throwable notThrowable = errors.rebuild(new ErrorInfo(ProcessBuilder.class.getName(), "x", null, null, null), "peer");
		assertThat(notThrowable).isExactlyInstanceOf(RemoteActorException.class);
		Throwable disallowed = errors.rebuild(new ErrorInfo("org.example.outside.SecretException", "y", null, null, null), "peer");
		assertThat(disallowed).isExactlyInstanceOf(RemoteActorException.class).hasMessage("org.example.outside.SecretException: y");
		Throwable allowed = errors.rebuild(new ErrorInfo(IllegalStateException.class.getName(), "z", null, null, null), "peer");
		assertThat(allowed).isExactlyInstanceOf(IllegalStateException.class).hasMessage("z");
		RemoteErrors withUserPackage = new RemoteErrors(List.of("org.example.outside"));
		assertThat(withUserPackage.rebuild(new ErrorInfo("org.example.outside.SecretException", "w", null, null, null), "peer"))
			.isExactlyInstanceOf(org.example.outside.SecretException.class)
			.hasMessage("w");
	}

}
