package io.xoscar.internal.process;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child side of the fate sharing between a child JVM and the parent that started it with
 * {@link ChildJvm}: the child's standard input is a pipe that the parent holds open for the child's
 * whole life; it writes the child's {@link PrivateInput} there first, then nothing. {@link #install()}
 * starts a daemon thread that reads the private input (kept for
 * {@link ChildMainSupport#takePrivateInput()}), then reads standard input until end of stream and
 * then halts this JVM. The end of stream comes when the parent
 * {@linkplain ChildJvm#stop(java.time.Duration) stops} the child, and also when the parent dies in
 * any way, even by {@code kill -9}, because the operating system then closes the parent's end of the
 * pipe. So no child outlives its parent, also not while it still reads its private input.
 * <p>
 * The JVM is stopped with {@link Runtime#halt(int)}, not {@link System#exit(int)}: shutdown hooks do
 * not run, so none of them (nor a non-daemon thread they wait for, nor a deadlock between them) can
 * keep an orphan alive. A child must therefore not rely on shutdown hooks for anything that matters
 * when it is stopped; state that must survive belongs to the parent.
 * <p>
 * Call {@link #install()} first thing in the child's {@code main}, so that a child stuck while
 * starting also dies with its parent. Install it only in JVMs started by {@link ChildJvm}: a JVM
 * whose standard input is a terminal would halt when the terminal sends end of file, and one whose
 * standard input is {@code /dev/null} would halt at once. The child must not read standard input
 * itself; the watch consumes whatever arrives there (take the private input instead).
 */
public final class ParentWatch {

	/** The exit status of a child halted by the watch. */
	public static final int EXIT_STATUS = 0;

	private static final long LAST_WORDS_MILLIS = 500;

	private static final Logger logger = LoggerFactory.getLogger(ParentWatch.class);

	private static final AtomicBoolean installed = new AtomicBoolean();

	/** The private input, or why it could not be read, until it is taken. */
	private static final BlockingQueue<Object> privateInput = new ArrayBlockingQueue<>(1);

	private static final AtomicBoolean privateInputTaken = new AtomicBoolean();

	private ParentWatch() {
	}

	/**
	 * Starts watching standard input, once per JVM: later calls do nothing.
	 */
	public static void install() {
		if (installed.compareAndSet(false, true)) {
			Thread watch = new Thread(ParentWatch::watch, "xoscar-parent-watch");
			watch.setDaemon(true);
			watch.start();
		}
	}

	/**
	 * @return whether {@link #install()} was called in this JVM
	 */
	public static boolean isInstalled() {
		return installed.get();
	}

	/**
	 * Takes the private input once it arrived, once per JVM. {@linkplain #install() Installs} the watch
	 * if it was not, so that this JVM dies with its parent also while it waits.
	 * @param timeout how long to wait for it
	 * @return the bytes the parent handed over (empty if none)
	 * @throws IllegalStateException if it was taken before, could not be read (standard input does not
	 * come from a parent using {@link ChildJvm}), or did not arrive in time; or if the thread was
	 * interrupted (its interrupt status is kept)
	 */
	static byte[] takePrivateInput(Duration timeout) {
		if (!privateInputTaken.compareAndSet(false, true)) {
			throw new IllegalStateException("The private input of this JVM was taken already");
		}
		install();
		Object received;
		try {
			received = privateInput.poll(ChildLauncher.nanos(timeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the private input from the parent", ex);
		}
		if (received == null) {
			throw new IllegalStateException("The parent did not hand over the private input within " + timeout);
		}
		if (received instanceof Throwable failure) {
			throw new IllegalStateException("The private input from the parent could not be read: "
					+ failure.getMessage(), failure);
		}
		return (byte[]) received;
	}

	private static void watch() {
		InputStream in = new FileInputStream(FileDescriptor.in);
		if (receivePrivateInput(in, privateInput)) {
			awaitEndOfStream(in);
		}
		sayLastWords();
		Runtime.getRuntime().halt(EXIT_STATUS);
	}

	/**
	 * Reads the private input at the start of the stream.
	 * @param in the stream
	 * @param into receives the bytes, or the exception that ended reading them; not the end of the
	 * stream, which means that the parent is gone: this JVM halts, nobody needs to hear of it
	 * @return whether the stream goes on (it did not end)
	 */
	static boolean receivePrivateInput(InputStream in, BlockingQueue<Object> into) {
		Object received;
		try {
			received = PrivateInput.readFrom(in);
		}
		catch (EOFException ex) {
			return false;
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			// whatever happens, the watch goes on: fate sharing must not depend on the hand-off
			received = ex;
		}
		into.offer(received);
		return true;
	}

	/**
	 * Reads and discards a stream until its end, or until reading it fails.
	 * @param in the stream
	 */
	static void awaitEndOfStream(InputStream in) {
		byte[] buffer = new byte[256];
		try {
			while (in.read(buffer) != -1) {
				// discard: the parent writes nothing more, the pipe only carries its liveness
			}
		}
		catch (IOException ex) {
			// a broken pipe means the same as its end: the parent is gone
		}
	}

	/**
	 * Logs why the JVM halts, on another daemon thread and for a bounded time: logging must not be
	 * able to keep an orphan alive.
	 */
	private static void sayLastWords() {
		Thread lastWords = new Thread(() -> logger.info(
				"Standard input closed: the parent process is gone or asked this JVM to stop. Halting now."),
				"xoscar-parent-watch-log");
		lastWords.setDaemon(true);
		try {
			lastWords.start();
			lastWords.join(LAST_WORDS_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			// best effort only: halt anyway
		}
	}

}
