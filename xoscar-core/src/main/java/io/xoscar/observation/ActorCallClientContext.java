package io.xoscar.observation;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * The context of an {@link ActorCallObservation#CLIENT} observation: the call as its caller makes
 * it. Its carrier is the call's header map: propagating handlers (such as micrometer-tracing's)
 * write the trace context there when the observation starts, and the call takes the headers to the
 * callee, in this JVM or over the wire.
 */
public final class ActorCallClientContext extends SenderContext<Map<String, String>> {

	private final @Nullable Class<?> actorClass;

	private final String uid;

	private final String address;

	private final String method;

	private final ActorCallKind kind;

	/**
	 * @param actorClass the actor's class, or {@code null} when the caller does not know it
	 * @param uid the actor's uid
	 * @param address the address of the actor's pool, as the caller's handle names it
	 * @param method the method called
	 * @param kind how the call is made
	 */
	public ActorCallClientContext(@Nullable Class<?> actorClass, String uid, String address, String method, ActorCallKind kind) {
		super(Map::put, Kind.CLIENT);
		setCarrier(new HashMap<>(4));
		setRemoteServiceAddress(address);
		this.actorClass = actorClass;
		this.uid = uid;
		this.address = address;
		this.method = method;
		this.kind = kind;
	}

	/**
	 * @return the actor's class, or {@code null} when the caller does not know it
	 */
	public @Nullable Class<?> getActorClass() {
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
