package io.xoscar.internal.call;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

import io.xoscar.ActorHandle;
import io.xoscar.ActorMethod;

/**
 * The handle implementation: a value of (address, uid) that resolves its call target lazily and
 * caches it until the target becomes invalid (the actor was destroyed; a new one with the same uid
 * is then found by the next call).
 *
 * @param <T> the actor class
 */
public final class DefaultActorHandle<T> implements ActorHandle<T>, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String address;

	private final String uid;

	private final Class<?> actorClass;

	private transient CallRouter router;

	private transient volatile CallTarget target;

	/**
	 * @param address the pool address
	 * @param uid the actor uid
	 * @param actorClass the actor class, or {@code null} when not known
	 * @param router how calls are routed
	 * @throws IllegalArgumentException if the uid is illegal ({@link ActorUids})
	 */
	public DefaultActorHandle(String address, String uid, Class<?> actorClass, CallRouter router) {
		this.address = Objects.requireNonNull(address, "address");
		this.uid = ActorUids.check(uid);
		this.actorClass = actorClass;
		this.router = Objects.requireNonNull(router, "router");
	}

	@Override
	public String address() {
		return this.address;
	}

	@Override
	public String uid() {
		return this.uid;
	}

	@Override
	public ActorMethod method(String name) {
		return new DefaultActorMethod(this, Objects.requireNonNull(name, "name"));
	}

	@Override
	public <I> I as(Class<I> api) {
		return TypedProxy.create(this, api);
	}

	CallRouter router() {
		return this.router;
	}

	/**
	 * @return where calls go now
	 * @throws io.xoscar.exception.ActorNotFoundException if the actor does not exist
	 * @throws io.xoscar.exception.PoolDownException if its pool cannot be reached
	 */
	public CallTarget target() {
		CallTarget current = this.target;
		if (current != null && current.isValid()) {
			return current;
		}
		current = this.router.route(this.address, this.uid, this.actorClass);
		this.target = current;
		return current;
	}

	/**
	 * @return the actor class this handle was made with, or {@code null}
	 */
	public Class<?> declaredClass() {
		return this.actorClass;
	}

	/**
	 * @return the actor class, if known without a call
	 */
	Class<?> actorClass() {
		if (this.actorClass != null) {
			return this.actorClass;
		}
		return target().actorClass();
	}

	@Serial
	private Object readResolve() {
		ActorUids.check(this.uid);
		this.router = DeserializedHandles.routerFor(this.address);
		return this;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof ActorHandle<?> handle && this.address.equals(handle.address())
				&& this.uid.equals(handle.uid()));
	}

	@Override
	public int hashCode() {
		return 31 * this.address.hashCode() + this.uid.hashCode();
	}

	@Override
	public String toString() {
		return "ActorHandle[" + this.uid + "@" + this.address + "]";
	}

}
