package io.xoscar.process;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.ActorCheckedException;
import io.xoscar.test.ActorSystemExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A checked exception thrown by an actor in another process reaches a blocking caller as it does
 * in one JVM: inside {@link ActorCheckedException}, or as itself through a proxy method declaring
 * it; never inside a {@code CompletionException}.
 */
class RemoteCheckedExceptionTest {

	@RegisterExtension
	static final ActorSystemExtension xoscar = ActorSystemExtension.builder()
		.pool(PoolConfig.process("far").jvmArgs("-Xmx64m"))
		.build();

	private static final ActorSystem system = xoscar.system();

	public static class Disk extends Actor {

		public int read() throws IOException {
			throw new IOException("disk gone");
		}

	}

	public interface DiskApi {

		int read() throws IOException;

	}

	public interface UncheckedDiskApi {

		int read();

	}

	@Test
	void aCheckedExceptionFromAnotherProcessArrivesInsideActorCheckedException() {
		ActorHandle<Disk> disk = system.createActor(Disk.class, CreateOptions.uid("disk").placement(Placement.pool(1)))
			.join();
		assertThatThrownBy(() -> disk.method("read").call()).isExactlyInstanceOf(ActorCheckedException.class)
			.hasMessageContaining("read of actor 'disk' at " + disk.address())
			.hasMessageContaining("threw java.io.IOException: disk gone")
			.cause()
			.isExactlyInstanceOf(IOException.class)
			.hasMessage("disk gone");
		assertThatThrownBy(() -> disk.as(DiskApi.class).read()).isExactlyInstanceOf(IOException.class)
			.hasMessage("disk gone");
		assertThatThrownBy(() -> disk.as(UncheckedDiskApi.class).read())
			.isExactlyInstanceOf(ActorCheckedException.class)
			.cause()
			.isExactlyInstanceOf(IOException.class);
	}

}
