package io.xoscar.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The context of an {@link ActorCallObservation#SERVER} observation: the call as the actor runs it.
 * Its carrier holds the headers the caller's observation wrote (empty when the caller had none), so
 * that propagating handlers continue the caller's trace. In the caller's JVM its parent observation
 * is also set to the caller's observation.
 */
public final class ActorCallServerContext extends ReceiverContext<Map<String, String>> {

	private final Class<?> actorClass;

	private final String uid;

	private final String address;

	private final String method;

	private final ActorCallKind kind;

	/**
	 * @param headers what the caller sent along (trace context), never {@code null}
	 * @param actorClass the actor's class
	 * @param uid the actor's uid
	 * @param address the address of the actor's pool
	 * @param method the method run
	 * @param kind {@link ActorCallKind#CALL} (a result is awaited), {@link ActorCallKind#TELL},
	 * {@link ActorCallKind#BATCH} or {@link ActorCallKind#TELL_BATCH}
	 */
	public ActorCallServerContext(Map<String, String> headers, Class<?> actorClass, String uid, String address,
			String method, ActorCallKind kind) {
		super(Map::get, Kind.SERVER);
		setCarrier(headers);
		this.actorClass = actorClass;
		this.uid = uid;
		this.address = address;
		this.method = method;
		this.kind = kind;
	}

	public Class<?> getActorClass() {
		return this.actorClass;
	}

	public String getUid() {
		return this.uid;
	}

	/**
	 * @return the address of the actor's pool
	 */
	public String getAddress() {
		return this.address;
	}

	public String getMethod() {
		return this.method;
	}

	public ActorCallKind getCallKind() {
		return this.kind;
	}

}
