package io.xoscar.internal.transport;

import java.util.List;

import tools.jackson.databind.JavaType;

import io.xoscar.internal.reflect.MethodInfo;

/**
 * Looks up, while a request frame is being read, the overload its caller chose, so that the
 * arguments are decoded straight from the stream into their declared types instead of through a
 * tree. Bound once, to the node's {@link Wire.Receiver} ({@link Wire#receiver(RequestTypes)}).
 */
@FunctionalInterface
interface RequestTypes {

	/**
	 * @param target the pool address
	 * @param uid the actor uid
	 * @param name the method name
	 * @param signature the parameter type names the caller chose
	 * @return the method and its parameter types, or {@code null} to decode the payload as a tree
	 */
	Chosen choose(String target, String uid, String name, List<String> signature);

	/**
	 * @param method the overload
	 * @param types its parameter types
	 */
	record Chosen(MethodInfo method, JavaType[] types) {
	}

}
