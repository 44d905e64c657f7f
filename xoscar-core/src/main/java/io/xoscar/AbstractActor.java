package io.xoscar;

import org.jspecify.annotations.Nullable;

import io.xoscar.internal.pool.ActorContext;

/**
 * Common base of {@link Actor} and {@link StatelessActor}. Public methods of a subclass are the
 * actor's methods; a method may return a plain value (synchronous), or a
 * {@code CompletionStage}/{@code CompletableFuture} or a reactor {@code Mono} (asynchronous).
 * <p>
 * Instances are created by an {@link ActorSystem}, never with {@code new} by user code: the
 * actor's identity ({@link #uid()}, {@link #address()}, {@link #self()}) is already available in
 * the constructor.
 */
public abstract class AbstractActor {

	private final @Nullable ActorContext context;

	protected AbstractActor() {
		this.context = ActorContext.takeConstructing(this::postCreate, this::preDestroy);
	}

	/**
	 * Runs after the actor is created and reachable, before {@link ActorSystem#createActor} completes,
	 * outside the actor lock: it may call other actors and the actor's own {@link #self() ref}.
	 * An exception thrown here fails the creation and removes the actor.
	 * @throws Exception to fail the creation
	 */
	protected void postCreate() throws Exception {
	}

	/**
	 * Runs before the actor is removed by {@link ActorSystem#destroyActor}, outside the actor lock.
	 * An exception thrown here fails the destroy and keeps the actor.
	 * @throws Exception to fail the destroy
	 */
	protected void preDestroy() throws Exception {
	}

	/**
	 * @return this actor's uid, unique on its node
	 */
	public final String uid() {
		return context().uid();
	}

	/**
	 * @return the address of the pool this actor lives in
	 */
	public final String address() {
		return context().address();
	}

	/**
	 * @param <A> the actor type the handle is typed with
	 * @return a handle to this actor, as other callers see it
	 */
	@SuppressWarnings("unchecked")
	protected final <A> ActorHandle<A> self() {
		return (ActorHandle<A>) context().self();
	}

	/**
	 * @return the actor system of the node this actor lives on
	 */
	protected final ActorSystem system() {
		return context().system();
	}

	private ActorContext context() {
		if (this.context == null) {
			throw new IllegalStateException(getClass().getName()
					+ " was not created by an ActorSystem; use ActorSystem.createActor instead of new");
		}
		return this.context;
	}

}
