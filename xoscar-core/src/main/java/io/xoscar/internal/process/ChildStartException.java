package io.xoscar.internal.process;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.xoscar.exception.XoscarException;

/**
 * A child JVM could not be started: it could not be launched, it exited before it reported that it
 * was ready, or it did not report ready within its start timeout (and was killed). The message names
 * the child, its main class, its exit code if it exited, and ends with the last lines the child wrote
 * to its standard error and output.
 */
public final class ChildStartException extends XoscarException {

	private static final long serialVersionUID = 1L;

	private final String childName;

	private final String mainClass;

	private final Long pid;

	private final Integer exitCode;

	private final List<String> stderrTail;

	ChildStartException(String message, ChildJvmSpec spec, Long pid, Integer exitCode, Throwable cause) {
		this(message, spec, pid, exitCode, List.of(), cause);
	}

	ChildStartException(String message, ChildJvmSpec spec, Long pid, Integer exitCode, List<String> stderrTail,
			Throwable cause) {
		super(message, cause);
		this.childName = spec.name();
		this.mainClass = spec.mainClass();
		this.pid = pid;
		this.exitCode = exitCode;
		this.stderrTail = List.copyOf(stderrTail);
	}

	/**
	 * @return the name of the child that failed to start
	 */
	public String childName() {
		return this.childName;
	}

	/**
	 * @return the main class of the child that failed to start
	 */
	public String mainClass() {
		return this.mainClass;
	}

	/**
	 * @return the process id of the child, empty if no process was launched
	 */
	public OptionalLong pid() {
		return (this.pid != null) ? OptionalLong.of(this.pid) : OptionalLong.empty();
	}

	/**
	 * @return the exit code of the child, empty if no process was launched or it could not be
	 * stopped; when the start timed out this is the code of the forced kill
	 */
	public OptionalInt exitCode() {
		return (this.exitCode != null) ? OptionalInt.of(this.exitCode) : OptionalInt.empty();
	}

	/**
	 * @return the last lines the child wrote to its standard error, oldest first
	 */
	public List<String> stderrTail() {
		return this.stderrTail;
	}

}
