package io.xoscar.internal.pool;

import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;

/**
 * An actor's identity and lifecycle hooks, handed to {@link io.xoscar.AbstractActor} while its
 * constructor runs.
 */
public final class ActorContext {

	private static final ThreadLocal<ActorContext> CONSTRUCTING = new ThreadLocal<>();

	private final String uid;

	private final String address;

	private final ActorHandle<?> self;

	private final ActorSystem system;

	private Hook postCreate = Hook.NONE;

	private Hook preDestroy = Hook.NONE;

	ActorContext(String uid, String address, ActorHandle<?> self, ActorSystem system) {
		this.uid = uid;
		this.address = address;
		this.self = self;
		this.system = system;
	}

	/**
	 * Called by the {@link io.xoscar.AbstractActor} constructor.
	 * @param postCreate the actor's postCreate
	 * @param preDestroy the actor's preDestroy
	 * @return the context of the actor being constructed on this thread, or {@code null}
	 */
	public static ActorContext takeConstructing(Hook postCreate, Hook preDestroy) {
		ActorContext context = CONSTRUCTING.get();
		CONSTRUCTING.remove();
		if (context != null) {
			context.postCreate = postCreate;
			context.preDestroy = preDestroy;
		}
		return context;
	}

	void beginConstruction() {
		CONSTRUCTING.set(this);
	}

	static void endConstruction() {
		CONSTRUCTING.remove();
	}

	public String uid() {
		return this.uid;
	}

	public String address() {
		return this.address;
	}

	public ActorHandle<?> self() {
		return this.self;
	}

	public ActorSystem system() {
		return this.system;
	}

	void postCreate() throws Exception {
		this.postCreate.run();
	}

	void preDestroy() throws Exception {
		this.preDestroy.run();
	}

	/** A lifecycle method. */
	@FunctionalInterface
	public interface Hook {

		Hook NONE = () -> {
		};

		void run() throws Exception;

	}

}
