package io.xoscar.exception;

import org.jspecify.annotations.Nullable;

/**
 * The actor pool that should serve a call is not (or no longer) reachable. When the pool is a
 * process pool that recovery is restarting, {@link #restarting()} says so: the same call made
 * again is likely to succeed soon.
 */
public class PoolDownException extends XoscarException {

	private final boolean restarting;

	public PoolDownException(String message) {
		this(message, null, false);
	}

	public PoolDownException(String message, @Nullable Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * @param message what happened
	 * @param cause what caused it, or {@code null}
	 * @param restarting whether the pool is being restarted
	 */
	public PoolDownException(String message, @Nullable Throwable cause, boolean restarting) {
		super(message, cause);
		this.restarting = restarting;
	}

	/** @return whether the pool was being restarted by recovery when this was thrown */
	public boolean restarting() {
		return this.restarting;
	}

}
