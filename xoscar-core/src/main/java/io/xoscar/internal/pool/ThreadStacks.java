package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.List;

import io.xoscar.internal.reflect.MethodInfo;

/**
 * The stacks shown in deadlock reports and alerts: a thread's frames down to the actor method it
 * runs, without the runtime's.
 */
final class ThreadStacks {

	private static final int MAX_FRAMES = 64;

	private ThreadStacks() {
	}

	/**
	 * @param thread a thread, or {@code null}
	 * @return its stack down to the actor method it runs (the runtime's frames below are left out, and
	 * so are the runtime's frames on top when the thread is the current one), at most
	 * {@value #MAX_FRAMES} frames
	 */
	static List<String> of(Thread thread) {
		if (thread == null) {
			return List.of();
		}
		StackTraceElement[] frames = thread.getStackTrace();
		int from = 0;
		if (thread == Thread.currentThread()) {
			while (from < frames.length && isRuntime(frames[from].getClassName())) {
				from++;
			}
		}
		int to = frames.length;
		for (int i = from; i < frames.length; i++) {
			if (frames[i].getClassName().equals(MethodInfo.class.getName())) {
				to = i;
				while (to > from && isReflection(frames[to - 1].getClassName())) {
					to--;
				}
				break;
			}
		}
		List<String> stack = new ArrayList<>(Math.min(to - from, MAX_FRAMES));
		for (int i = from; i < to && stack.size() < MAX_FRAMES; i++) {
			stack.add(frames[i].toString());
		}
		return stack;
	}

	private static boolean isRuntime(String className) {
		return className.startsWith("io.xoscar.internal.") || className.equals(Thread.class.getName());
	}

	private static boolean isReflection(String className) {
		return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.");
	}

}
