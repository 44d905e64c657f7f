package io.xoscar.exception;

import org.jspecify.annotations.Nullable;

/**
 * An exception thrown by a remote actor whose class is not available (or not allowed) on the
 * caller's side: it keeps the remote class name and message as they were.
 */
public class RemoteActorException extends XoscarException {

	private final String remoteClassName;

	private final @Nullable String remoteMessage;

	public RemoteActorException(String remoteClassName, @Nullable String remoteMessage) {
		super(remoteClassName + ((remoteMessage != null) ? ": " + remoteMessage : ""));
		this.remoteClassName = remoteClassName;
		this.remoteMessage = remoteMessage;
	}

	/**
	 * @return the class name of the exception the remote actor threw
	 */
	public String remoteClassName() {
		return this.remoteClassName;
	}

	/**
	 * @return its message, unchanged ({@code null} if it had none)
	 */
	public @Nullable String remoteMessage() {
		return this.remoteMessage;
	}

}
