package io.xoscar.internal.transport;

import tools.jackson.databind.JavaType;

/**
 * Looks up, while an answer frame is being read, what its call expects, so that the result is
 * decoded straight from the stream into that type instead of through a tree. Bound once per
 * connection, to its {@link Wire.Receiver} ({@link Wire#receiver(AnswerTypes)}).
 */
@FunctionalInterface
interface AnswerTypes {

	/**
	 * @param id the request id the answer refers to
	 * @return what the waiting call expects, or {@code null} (no such call any more)
	 */
	Expected expected(long id);

	/**
	 * @param type the type of the result (of each result, for a batch)
	 * @param batch whether the result is a list of results
	 */
	record Expected(JavaType type, boolean batch) {
	}

}
