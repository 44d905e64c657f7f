package io.xoscar.internal.transport;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * The receiving side of a connection's {@link SharedArena}: maps the sender's file on first use
 * (and deletes its name: both sides hold the mapping now), copies each referenced region out into
 * the array the receiver gets, and frees the region. References are checked against the mapping,
 * so a bad one fails the connection, never reads outside the file. Used by one event loop thread.
 */
final class SharedSegments {

	/** A sender has one arena per connection; more than this is not a well-behaved peer. */
	private static final int MAX_ARENAS = 2;

	private final Map<Long, MappedByteBuffer> arenas = new HashMap<>(2);

	byte[] take(long id, int offset, int length) {
		MappedByteBuffer memory = this.arenas.get(id);
		if (memory == null) {
			memory = open(id);
		}
		if (offset < 0 || (offset & 7) != 0 || length < 0
				|| (long) offset + SharedArena.HEADER + length > memory.capacity()) {
			throw new CorruptedFrameException("shared memory reference outside its segment: offset " + offset
					+ ", length " + length + ", segment of " + memory.capacity() + " bytes");
		}
		int state = (int) SharedArena.INTS.getAcquire(memory, offset);
		if (state != SharedArena.BUSY || memory.getInt(offset + 4) != length) {
			throw new CorruptedFrameException("shared memory reference to a region not holding " + length + " bytes");
		}
		byte[] bytes = new byte[length];
		memory.get(offset + SharedArena.HEADER, bytes, 0, length);
		SharedArena.INTS.setRelease(memory, offset, SharedArena.FREE);
		return bytes;
	}

	private MappedByteBuffer open(long id) {
		if (this.arenas.size() >= MAX_ARENAS) {
			throw new CorruptedFrameException("too many shared memory segments on one connection");
		}
		Path file = SharedMemory.path(id);
		if (!SharedMemory.trusted()) {
			throw new CorruptedFrameException("shared memory segment " + file
					+ " refused: its directory is not this user's alone");
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			MappedByteBuffer memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size() & ~7L);
			this.arenas.put(id, memory);
			SharedMemory.delete(file);
			return memory;
		}
		catch (IOException | RuntimeException ex) {
			CorruptedFrameException failure = new CorruptedFrameException("cannot open shared memory segment " + file);
			failure.initCause(ex);
			throw failure;
		}
	}

}
