package io.xoscar.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketChannel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each Unix domain socket connection its own {@link SharedArena}, created on the first large
 * array it sends. The arena files live in {@code /dev/shm/xoscar-<uid>/} (memory, not disk; a
 * directory of the user's alone, {@link OwnerOnlyDirectory}) as {@code xoscar-<pid>-<key>.shm},
 * created {@code rw-------}: only processes of the same user, which are the only ones a Unix socket
 * accepts, can open them. The receiver maps a file and deletes it, so a file outlives its connection
 * only when its process was killed before the peer opened it; those are swept at start.
 */
final class SharedMemory {

	private static final Logger logger = LoggerFactory.getLogger(SharedMemory.class);

	private static final Path SHM = Path.of("/dev/shm");

	private static final Path DIRECTORY = SHM.resolve("xoscar-" + OwnerOnlyDirectory.userTag());

	private static final AttributeKey<Object> ARENA = AttributeKey.valueOf("xoscar.sharedArena");

	/** Marks a connection whose arena could not be created: it sends everything through the socket. */
	private static final Object UNAVAILABLE = new Object();

	private final int capacity;

	/**
	 * @param capacity bytes of shared memory per connection; 0 sends everything through the socket
	 */
	SharedMemory(int capacity) {
		this.capacity = (capacity > 0 && Files.isDirectory(SHM) && prepareDirectory()) ? capacity : 0;
	}

	private static boolean prepareDirectory() {
		try {
			OwnerOnlyDirectory.prepare(DIRECTORY);
			return true;
		}
		catch (IOException ex) {
			logger.warn("No shared memory between processes: large arrays go through the socket ({})", ex.getMessage());
			return false;
		}
	}

	/** @return whether segments may be opened: their directory is this user's alone */
	static boolean trusted() {
		return OwnerOnlyDirectory.isOwnerOnly(DIRECTORY);
	}

	/**
	 * @param channel a connection
	 * @return its arena, or {@code null} when its arrays go through the socket (TCP, shared memory
	 * off or unavailable)
	 */
	SharedArena arena(Channel channel) {
		if (this.capacity == 0 || !(channel instanceof DomainSocketChannel)) {
			return null;
		}
		Object arena = channel.attr(ARENA).get();
		if (arena == null) {
			synchronized (channel) {
				arena = channel.attr(ARENA).get();
				if (arena == null) {
					arena = create(channel);
					channel.attr(ARENA).set(arena);
				}
			}
		}
		return (arena instanceof SharedArena shared) ? shared : null;
	}

	private Object create(Channel channel) {
		try {
			SharedArena arena = SharedArena.create(this.capacity);
			channel.closeFuture().addListener((closed) -> arena.close());
			return arena;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("No shared memory for the connection to {}: large arrays go through the socket ({})",
					channel.remoteAddress(), ex.toString());
			return UNAVAILABLE;
		}
	}

	static Path path(long id) {
		return DIRECTORY.resolve(String.format("xoscar-%d-%08x.shm", id >>> 32, id & 0xffffffffL));
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Cannot delete {}", file, ex);
		}
	}

	/** Deletes arena files whose creating process is gone. */
	static void deleteStale() {
		if (!trusted()) {
			return;
		}
		try (var files = Files.newDirectoryStream(DIRECTORY, "xoscar-*.shm")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				try {
					long pid = Long.parseLong(name.substring("xoscar-".length(), name.indexOf('-', "xoscar-".length())));
					if (ProcessHandle.of(pid).map((process) -> !process.isAlive()).orElse(true)) {
						delete(file);
					}
				}
				catch (RuntimeException ex) {
					// not ours: leave it
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// best effort: a stale file holds memory until reboot, a later start sweeps it again
		}
	}

}
