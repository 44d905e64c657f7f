package io.xoscar.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.exception.ActorCallContext;

/**
 * Sends an exception through the error path once, in memory, when a node starts: describing it,
 * encoding and decoding its frame, rebuilding it. The first exception that crosses between two
 * processes otherwise pays for loading Jackson's bean (de)serializers for {@link ErrorInfo} and the
 * reflection of {@link RemoteErrors} on both sides: 0.4-0.9 s in a fresh JVM. Runs on a daemon
 * thread of its own, so that it does not delay the start.
 */
final class ErrorPathWarmUp {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPathWarmUp.class);

	private ErrorPathWarmUp() {
	}

	static void start(Wire wire, RemoteErrors errors, String address) {
		Thread thread = new Thread(() -> run(wire, errors), "xoscar-warm-up-" + address);
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	static void run(Wire wire, RemoteErrors errors) {
		try {
			IllegalStateException sample = new IllegalStateException("warm-up");
			sample.addSuppressed(new ActorCallContext("raised by the warm-up"));
			ByteBuf frame = wire.encode(ByteBufAllocator.DEFAULT,
					new Frame.Error(0, RemoteErrors.describe(sample, "the warm-up")));
			try {
				frame.skipBytes(4);
				Frame.Error decoded = (Frame.Error) wire.decode(frame);
				errors.rebuild(decoded.error(), "the warm-up");
			}
			finally {
				frame.release();
			}
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Warming up the error path failed", ex);
		}
	}

}
