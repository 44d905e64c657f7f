package io.xoscar.exception;

import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * A process pool's child JVM did not start: it could not be launched, exited before it was ready,
 * or was not ready within its start timeout (and was killed). The message names the pool and says
 * what happened, with the last lines the child wrote to its standard error and output.
 */
public class PoolStartException extends XoscarException {

	private final String pool;

	private final int index;

	private final @Nullable Integer exitCode;

	private final List<String> stderrTail;

	/**
	 * @param message what happened
	 * @param pool the pool (group) name
	 * @param index the pool index it would have had
	 * @param exitCode the child's exit code, or {@code null} if no process ran or it could not be stopped
	 * @param stderrTail the last lines of the child's standard error
	 * @param cause the cause
	 */
	public PoolStartException(String message, String pool, int index, @Nullable Integer exitCode,
			List<String> stderrTail, @Nullable Throwable cause) {
		super(message, cause);
		this.pool = pool;
		this.index = index;
		this.exitCode = exitCode;
		this.stderrTail = List.copyOf(stderrTail);
	}

	/** @return the name of the pool (its group) */
	public String pool() {
		return this.pool;
	}

	/** @return the index the pool would have had */
	public int index() {
		return this.index;
	}

	/**
	 * @return the child's exit code; empty if no process was launched or it could not be stopped (when
	 * the start timed out, the code of the forced kill)
	 */
	public OptionalInt exitCode() {
		return (this.exitCode != null) ? OptionalInt.of(this.exitCode) : OptionalInt.empty();
	}

	/** @return the last lines the child wrote to its standard error (at most 50), oldest first */
	public List<String> stderrTail() {
		return this.stderrTail;
	}

}
