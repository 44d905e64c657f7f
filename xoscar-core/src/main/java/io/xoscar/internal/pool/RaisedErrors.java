package io.xoscar.internal.pool;

import io.xoscar.exception.ActorCallContext;
import io.xoscar.exception.XoscarException;

/**
 * What an actor's method threw, made fit to travel to its caller: marked with the actor call that
 * raised it ({@link ActorCallContext}), and replaced if it cannot even be described.
 */
final class RaisedErrors {

	private RaisedErrors() {
	}

	/**
	 * @param thrown what the method threw
	 * @param method the call, described ("actor 'uid' (Class) method m at address")
	 * @return the exception, with the call as context
	 */
	static Throwable withContext(Throwable thrown, String method) {
		String where = "raised by " + method;
		Throwable error = describable(thrown, where);
		for (Throwable suppressed : error.getSuppressed()) {
			if (suppressed instanceof ActorCallContext && where.equals(suppressed.getMessage())) {
				return error;
			}
		}
		error.addSuppressed(new ActorCallContext(where));
		return error;
	}

	/**
	 * Futures describe the exceptions they carry ({@code toString()}, so {@code getMessage()}): one
	 * whose description throws would break every future it passes through and leave its caller
	 * without an answer. It is replaced by an exception saying so, with its stack.
	 */
	private static Throwable describable(Throwable error, String where) {
		try {
			error.toString();
			return error;
		}
		catch (RuntimeException | LinkageError ex) {
			String why;
			try {
				why = ex.toString();
			}
			catch (RuntimeException | LinkageError again) {
				why = ex.getClass().getName();
			}
			XoscarException replaced = new XoscarException(error.getClass().getName() + " " + where
					+ " cannot be described: its getMessage() or toString() threw " + why);
			try {
				replaced.setStackTrace(error.getStackTrace());
			}
			catch (RuntimeException ignored) {
				// keep the replacement's own stack
			}
			return replaced;
		}
	}

}
