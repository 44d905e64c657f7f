package io.xoscar.exception;

/**
 * An exception thrown by a remote actor whose class is not available (or not allowed) on the
 * caller's side: it keeps the remote class name and message as they were.
 */
public class RemoteActorException extends XoscarException {

	private final String remoteClassName;

	private final String remoteMessage;

	public RemoteActorException(String remoteClassName, String remoteMessage) {
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
	 * @return its message, unchanged
	 */
	public String remoteMessage() {
		return this.remoteMessage;
	}

}
