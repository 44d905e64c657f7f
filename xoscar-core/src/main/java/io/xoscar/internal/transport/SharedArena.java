package io.xoscar.internal.transport;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Shared memory one connection's sender places large byte arrays in, so that they reach a process
 * of the same host with one copy on each side instead of travelling through the socket. It is a
 * ring of regions, each an 8-byte header ({@code int} state, {@code int} length) and the bytes.
 * The sender marks a region busy and sends its offset in the frame; the receiver copies the bytes
 * out and marks it free; the sender reuses space from the oldest region on once it is free. Regions
 * may be freed out of order (frames are encoded by several threads): reuse then waits behind the
 * oldest, it is never wrong. When the ring is full the array goes through the socket instead;
 * nothing ever waits for space.
 */
final class SharedArena implements AutoCloseable {

	static final int HEADER = 8;

	static final int FREE = 0;

	static final int BUSY = 1;

	static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

	private final long id;

	private final Path file;

	private final MappedByteBuffer memory;

	private final int capacity;

	/** Where the next region goes, counted since creation; guarded by this. */
	private long head;

	/** The oldest region not known to be free, counted since creation; guarded by this. */
	private long tail;

	private volatile boolean closed;

	private SharedArena(long id, Path file, MappedByteBuffer memory) {
		this.id = id;
		this.file = file;
		this.memory = memory;
		this.capacity = memory.capacity();
	}

	/**
	 * @param capacity the ring's size in bytes (a multiple of 8)
	 * @return a new arena, its file readable and writable by this user only
	 * @throws IOException if the file cannot be created or mapped
	 */
	static SharedArena create(int capacity) throws IOException {
		long id = (ProcessHandle.current().pid() << 32) | (ThreadLocalRandom.current().nextInt() & 0xffffffffL);
		Path file = SharedMemory.path(id);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			return new SharedArena(id, file, channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity & ~7));
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	long id() {
		return this.id;
	}

	/**
	 * Copies an array into a new region.
	 * @param bytes the array
	 * @return the region's offset, or -1 when the ring has no room for it
	 */
	int place(byte[] bytes) {
		int offset = allocate(bytes.length);
		if (offset < 0) {
			return -1;
		}
		// the receiver reads the bytes after the frame that names them: the socket write publishes them
		this.memory.put(offset + HEADER, bytes, 0, bytes.length);
		return offset;
	}

	/** Frees a region that will not be sent after all. */
	void free(int offset) {
		INTS.setRelease(this.memory, offset, FREE);
	}

	private synchronized int allocate(int length) {
		if (this.closed) {
			return -1;
		}
		reclaim();
		long size = HEADER + align(length);
		int position = (int) (this.head % this.capacity);
		long skipped = (position + size > this.capacity) ? this.capacity - position : 0;
		if (this.head + skipped + size - this.tail > this.capacity) {
			return -1;
		}
		if (skipped > 0) {
			// the rest of the ring is too short: a free region covers it so that reclaiming skips it
			this.memory.putInt(position + 4, (int) skipped - HEADER);
			INTS.setRelease(this.memory, position, FREE);
			position = 0;
		}
		this.memory.putInt(position + 4, length);
		INTS.setRelease(this.memory, position, BUSY);
		this.head += skipped + size;
		return position;
	}

	private void reclaim() {
		while (this.tail < this.head) {
			int position = (int) (this.tail % this.capacity);
			if ((int) INTS.getAcquire(this.memory, position) != FREE) {
				return;
			}
			this.tail += HEADER + align(this.memory.getInt(position + 4));
		}
	}

	private static long align(int length) {
		return (length + 7L) & ~7L;
	}

	/** Stops placing arrays and deletes the file if the peer never opened it; the mapping goes with GC. */
	@Override
	public void close() {
		this.closed = true;
		SharedMemory.delete(this.file);
	}

}
