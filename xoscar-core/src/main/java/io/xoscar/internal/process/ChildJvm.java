package io.xoscar.internal.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running child JVM of this application: same JDK, same classes, its own environment and JVM
 * options (see {@link ChildJvmSpec}).
 * <p>
 * {@link #start(ChildJvmSpec)} returns once the child reported that it is ready. From then on the
 * child's standard output and error are logged (logger {@code io.xoscar.child.<name>}, INFO and WARN)
 * by daemon threads, so the pipes never fill up and block the child.
 * <p>
 * The parent hands the child its {@linkplain ChildJvmSpec#privateInput() private input} through the
 * child's standard input, which only the two processes can read, and {@code start} returns once the
 * child has read it too.
 * <p>
 * The child shares the parent's fate: the parent holds the child's standard input open, and the
 * child's {@link ParentWatch} halts the child when it reads the end of it, which happens when
 * {@link #stop(Duration)} closes it and when this JVM dies in any way, {@code kill -9} included. The
 * child's {@code main} must therefore call {@link ParentWatch#install()} (or at least
 * {@link ChildMainSupport#ready(String)}, which installs it too).
 */
public final class ChildJvm implements AutoCloseable {

	/** How long {@link #close()} lets the child stop by itself before killing it. */
	public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(ChildJvm.class);

	private final ChildJvmSpec spec;

	private final Process process;

	private final String readyPayload;

	private final CompletableFuture<Void> outputEnded;

	private final CompletableFuture<Integer> exit;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final Supplier<List<String>> stderrTail;

	ChildJvm(ChildJvmSpec spec, Process process, String readyPayload, CompletableFuture<Void> outputEnded,
			Supplier<List<String>> stderrTail) {
		this.spec = spec;
		this.stderrTail = stderrTail;
		this.process = process;
		this.readyPayload = readyPayload;
		this.outputEnded = outputEnded;
		this.exit = process.onExit().thenApply(Process::exitValue);
		this.exit.thenAccept(this::exited);
	}

	/**
	 * Launches a child JVM and waits until it reports that it is ready, at most its
	 * {@linkplain ChildJvmSpec#startTimeout() start timeout}.
	 * <p>
	 * The child runs the {@code java} launcher of this JVM with the spec's JVM options and this JVM's
	 * class path (through Spring Boot's {@code PropertiesLauncher} when this JVM runs from an
	 * executable Spring Boot jar), the spec's environment variables added to this process's. It maps
	 * the classes children of this class path loaded before from a class-data sharing archive, once
	 * there is one ({@link ChildClassDataSharing}).
	 * @param spec what to run
	 * @return the ready child
	 * @throws ChildStartException if the child could not be launched, exited before it was ready or was
	 * not ready in time; the child is gone by then
	 */
	public static ChildJvm start(ChildJvmSpec spec) {
		return start(spec, ChildClasspath.detect(), ChildCommand.ARG_FILE_THRESHOLD);
	}

	static ChildJvm start(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold) {
		return start(spec, classpath, argFileThreshold, ChildClassDataSharing.forThisUser());
	}

	static ChildJvm start(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold,
			ChildClassDataSharing sharing) {
		Objects.requireNonNull(spec, "spec");
		ChildClassDataSharing.Plan plan = sharing.plan(spec, classpath, argFileThreshold);
		ChildJvm child = ChildLauncher.launch(spec, classpath, argFileThreshold, plan.jvmOptions());
		plan.afterStart().run();
		return child;
	}

	/**
	 * @return the name of the child
	 */
	public String name() {
		return this.spec.name();
	}

	/**
	 * @return what the child runs
	 */
	public ChildJvmSpec spec() {
		return this.spec;
	}

	/**
	 * @return the process id of the child
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * @return what the child reported with {@link ChildMainSupport#ready(String)}, possibly empty
	 */
	public String readyPayload() {
		return this.readyPayload;
	}

	/**
	 * @return the last lines the child wrote to its standard error (bounded), oldest first
	 */
	public List<String> stderrTail() {
		return this.stderrTail.get();
	}

	/**
	 * @return whether the child is still running
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * @return completes with the child's exit code when it has exited (for a kill on Linux 137); each
	 * call returns a new future, so completing it affects nobody else
	 */
	public CompletableFuture<Integer> onExit() {
		return this.exit.copy();
	}

	/**
	 * Kills the child at once ({@code SIGKILL} on Linux) without waiting for it to be gone; see
	 * {@link #onExit()}.
	 */
	public void kill() {
		this.stopping.set(true);
		this.process.destroyForcibly();
	}

	/**
	 * Stops the child: closes its standard input, which makes its {@link ParentWatch} halt it, waits up
	 * to {@code grace} for it to exit, else kills it and waits (bounded) for it to be gone. Returns at
	 * the latest after {@code grace} plus a few seconds; an interrupt ends the waits early (the child is
	 * killed, the interrupt status kept).
	 * @param grace how long the child may take to exit by itself
	 * @return whether the child exited without being killed
	 */
	public boolean stop(Duration grace) {
		Objects.requireNonNull(grace, "grace");
		this.stopping.set(true);
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			logger.debug("Could not close the standard input of {}", this, ex);
		}
		boolean graceful = awaitExit(grace);
		if (!graceful) {
			logger.warn("{} did not exit within {} after its standard input was closed; killing it", this, grace);
			this.process.destroyForcibly();
			if (!awaitExit(ChildLauncher.KILL_WAIT)) {
				logger.warn("{} is still alive {} after it was killed", this, ChildLauncher.KILL_WAIT);
			}
		}
		awaitOutputEnd();
		return graceful;
	}

	/**
	 * Stops the child, giving it {@link #DEFAULT_STOP_GRACE} to exit by itself.
	 * @see #stop(Duration)
	 */
	@Override
	public void close() {
		stop(DEFAULT_STOP_GRACE);
	}

	private boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(ChildLauncher.nanos(timeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !this.process.isAlive();
		}
	}

	/**
	 * Waits briefly for the child's last output to be logged, so that it precedes what the caller logs
	 * next.
	 */
	private void awaitOutputEnd() {
		if (this.process.isAlive()) {
			return;
		}
		try {
			this.outputEnded.get(ChildLauncher.DRAIN_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("The output of {} did not end in time", this);
		}
	}

	private void exited(int code) {
		if (this.stopping.get()) {
			logger.debug("{} exited with code {}", this, code);
		}
		else {
			logger.warn("{} exited unexpectedly with code {}", this, code);
		}
	}

	@Override
	public String toString() {
		return ChildLauncher.describe(this.spec, this.process.pid());
	}

}
