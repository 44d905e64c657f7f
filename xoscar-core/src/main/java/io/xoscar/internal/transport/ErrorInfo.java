package io.xoscar.internal.transport;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An exception as it crosses the wire: its class name (resolved through an allow-list on the other
 * side, never instantiated blindly), message, where it was raised and its stack.
 *
 * @param className the exception class
 * @param message the message, unchanged
 * @param contexts the actors it crossed, innermost first ("raised by actor 'a' (A) method m at host:port")
 * @param stack the stack frames
 * @param details constructor arguments of Xoscar's own exceptions (such as address and uid), or
 * {@code null}
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
record ErrorInfo(String className, String message, List<String> contexts, List<Frame> stack, List<String> details) {

	/**
	 * One stack frame.
	 * @param declaringClass the class
	 * @param methodName the method
	 * @param fileName the file, or {@code null}
	 * @param lineNumber the line
	 */
	@JsonFormat(shape = JsonFormat.Shape.ARRAY)
	record Frame(String declaringClass, String methodName, String fileName, int lineNumber) {
	}

}
