package io.xoscar.internal.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a child JVM, hands it its {@link PrivateInput} through its standard input and waits, for a
 * bounded time, until it reports that it is ready ({@link ChildMainSupport#ready(String)}) and has
 * read that input, exits or closes its standard output. Its output is logged
 * from the start (logger {@code io.xoscar.child.<name>}: standard output at INFO, standard error at
 * WARN) and its last lines are kept to explain a failure. A child that fails to start is killed and
 * reaped before {@link ChildStartException} is thrown.
 */
final class ChildLauncher {

	static final int TAIL_LINES = 50;

	/** How long to wait for the remaining output of a child that ended. */
	static final Duration DRAIN_WAIT = Duration.ofSeconds(2);

	/** How long to wait for a killed child to be gone. */
	static final Duration KILL_WAIT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(ChildLauncher.class);

	private final ChildJvmSpec spec;

	private final Process process;

	private final Logger childLog;

	private final OutputTail outTail = new OutputTail("stdout", TAIL_LINES);

	private final OutputTail errTail = new OutputTail("stderr", TAIL_LINES);

	private final CompletableFuture<String> ready = new CompletableFuture<>();

	/** Completes when the private input is written (the child read all but what a pipe buffers). */
	private final CompletableFuture<Void> handedOver = new CompletableFuture<>();

	private final LinePump outPump;

	private final LinePump errPump;

	private ChildLauncher(ChildJvmSpec spec, Process process) {
		this.spec = spec;
		this.process = process;
		this.childLog = childLogger(spec);
		this.outPump = LinePump.start(process.getInputStream(), threadName(spec, "stdout"), this::onStdout);
		this.errPump = LinePump.start(process.getErrorStream(), threadName(spec, "stderr"), this::onStderr);
		this.outPump.finished().thenRun(() -> this.ready.completeExceptionally(new IOException("end of stdout")));
		// in case the end of the output does not come with the end of the process
		process.onExit()
			.thenCompose((exited) -> this.outPump.finished()
				.completeOnTimeout(null, DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS))
			.thenRun(() -> this.ready.completeExceptionally(new IOException("exited")));
		handOver();
	}

	/**
	 * Writes the private input on a thread of its own: a child that does not read it (yet) must not
	 * block the launch once the pipe is full. The thread ends when the child has read what the pipe
	 * does not buffer, or is gone.
	 */
	private void handOver() {
		Thread writer = new Thread(() -> {
			try {
				this.spec.privateInput().writeTo(this.process.getOutputStream());
				this.handedOver.complete(null);
			}
			catch (IOException | RuntimeException ex) {
				this.handedOver.completeExceptionally(ex);
			}
		}, threadName(this.spec, "stdin"));
		writer.setDaemon(true);
		writer.start();
	}

	/**
	 * Starts a child JVM and waits until it is ready.
	 * @param spec what to run
	 * @param classpath how the child gets the parent's classes
	 * @param argFileThreshold class paths longer than this go into an argument file
	 * @param runtimeOptions JVM options the runtime adds before the spec's own
	 * @return the ready child
	 * @throws ChildStartException if the child could not be launched, exited or closed its output
	 * before it was ready, or was not ready within its start timeout
	 */
	static ChildJvm launch(ChildJvmSpec spec, ChildClasspath classpath, int argFileThreshold,
			List<String> runtimeOptions) {
		ChildCommand command;
		try {
			command = ChildCommand.create(spec, classpath, argFileThreshold, runtimeOptions);
		}
		catch (IOException ex) {
			throw new ChildStartException(
					describe(spec, null) + " could not be launched: writing its argument file failed: " + ex, spec,
					null, null, ex);
		}
		try (command) {
			logger.debug("Starting child JVM '{}' with the {}: {}", spec.name(), classpath, command);
			ProcessBuilder builder = new ProcessBuilder(command.arguments());
			builder.environment().putAll(spec.env());
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException | RuntimeException ex) {
				throw new ChildStartException(describe(spec, null) + " could not be launched with "
						+ command.arguments().get(0) + ": " + ex, spec, null, null, ex);
			}
			ChildLauncher launcher;
			try {
				launcher = new ChildLauncher(spec, process);
			}
			catch (RuntimeException | Error ex) {
				process.destroyForcibly();
				throw ex;
			}
			return launcher.awaitReady();
		}
	}

	/**
	 * @param duration a duration, possibly too long to express in nanoseconds
	 * @return its nanoseconds, at least 0 and at most {@link Long#MAX_VALUE} (292 years)
	 */
	static long nanos(Duration duration) {
		if (duration.isNegative()) {
			return 0;
		}
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	static Logger childLogger(ChildJvmSpec spec) {
		return LoggerFactory.getLogger("io.xoscar.child." + spec.name());
	}

	static String describe(ChildJvmSpec spec, Long pid) {
		return "Child JVM '" + spec.name() + "' (main class " + spec.mainClass()
				+ ((pid != null) ? ", pid " + pid : "") + ")";
	}

	private static String threadName(ChildJvmSpec spec, String stream) {
		return "xoscar-child-" + spec.name() + "-" + stream;
	}

	private void onStdout(String line) {
		if (!this.ready.isDone()) {
			String payload = ChildMainSupport.payloadOf(line);
			if (payload != null) {
				this.ready.complete(payload);
				return;
			}
		}
		this.outTail.add(line);
		this.childLog.info("{}", line);
	}

	private void onStderr(String line) {
		this.errTail.add(line);
		this.childLog.warn("{}", line);
	}

	private ChildJvm awaitReady() {
		Duration timeout = this.spec.startTimeout();
		long deadline = System.nanoTime() + nanos(timeout);
		String payload;
		try {
			payload = this.ready.get(nanos(timeout), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw failure("did not report ready within " + timeout + ", so it was killed", false, null);
		}
		catch (ExecutionException ex) {
			throw failure("closed its standard output before it reported ready, so it was killed", true, null);
		}
		catch (InterruptedException ex) {
			throw interrupted(ex);
		}
		try {
			// a ready child reads standard input (its parent watch runs): the rest of the input goes at once
			this.handedOver.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw failure("reported ready but did not read its private input (" + this.spec.privateInput()
					+ ") within " + timeout + ", so it was killed", false, null);
		}
		catch (ExecutionException ex) {
			throw failure("could not be handed its private input: " + ex.getCause(), true, null);
		}
		catch (InterruptedException ex) {
			throw interrupted(ex);
		}
		logger.debug("{} is ready: {}", describe(this.spec, this.process.pid()), payload);
		CompletableFuture<Void> drained = CompletableFuture.allOf(this.outPump.finished(), this.errPump.finished());
		return new ChildJvm(this.spec, this.process, payload, drained, this.errTail::lines);
	}

	private ChildStartException interrupted(InterruptedException ex) {
		ChildStartException failure = failure(
				"was killed because the thread starting it was interrupted before it reported ready", false, ex);
		Thread.currentThread().interrupt();
		return failure;
	}

	/**
	 * Makes sure the child is gone, collects its last output and describes why it did not start.
	 * @param ifAlive what happened if the child was still alive (and is killed now)
	 * @param outputEnded whether its standard output ended, meaning that it is probably exiting
	 * @param cause the cause, if any
	 */
	private ChildStartException failure(String ifAlive, boolean outputEnded, Throwable cause) {
		boolean exited = outputEnded ? awaitExit(DRAIN_WAIT) : !this.process.isAlive();
		String what;
		if (exited) {
			what = "exited with code " + this.process.exitValue() + " before it reported ready";
		}
		else {
			what = ifAlive;
			this.process.destroyForcibly();
			if (!awaitExit(KILL_WAIT)) {
				what += " (but it was still alive " + KILL_WAIT.toSeconds() + " s after the kill)";
			}
		}
		awaitOutput();
		Integer exitCode = this.process.isAlive() ? null : this.process.exitValue();
		StringBuilder message = new StringBuilder(describe(this.spec, this.process.pid())).append(' ').append(what);
		this.errTail.describeTo(message);
		this.outTail.describeTo(message);
		return new ChildStartException(message.toString(), this.spec, this.process.pid(), exitCode, this.errTail.lines(),
				cause);
	}

	private boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(nanos(timeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !this.process.isAlive();
		}
	}

	private void awaitOutput() {
		try {
			CompletableFuture.allOf(this.outPump.finished(), this.errPump.finished())
				.get(DRAIN_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("The output of {} did not end in time", describe(this.spec, this.process.pid()));
		}
	}

}
