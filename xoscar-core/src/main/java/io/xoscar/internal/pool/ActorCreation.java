package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.xoscar.AbstractActor;
import io.xoscar.ActorFactory;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.internal.call.ActorUids;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.DefaultActorHandle;
import io.xoscar.internal.call.PoolAddresses;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.transport.Transport;

/**
 * Makes a node's actors: picks the uid and the pool, constructs the actor on a thread of its pool
 * (or has a process pool do it) and lists it, with how it was made, in the {@link ActorDirectory}.
 */
final class ActorCreation {

	private final String address;

	private final ActorSystem system;

	private final ActorFactory actorFactory;

	private final ActorDirectory directory;

	private final Placer placer;

	private final Pools pools;

	private final Transport transport;

	private final CallRouter router;

	/** The node's meters, or {@code null}. */
	private final NodeMetrics metrics;

	private final CellServices cellServices;

	private final NodeLifecycle lifecycle;

	/** How long a creation in a process pool that restarts waits for it. */
	private final Duration restartWait;

	ActorCreation(String address, ActorSystem system, ActorFactory actorFactory, ActorDirectory directory, Placer placer,
			Pools pools, Transport transport, CallRouter router, NodeMetrics metrics, CellServices cellServices,
			NodeLifecycle lifecycle, Duration restartWait) {
		this.restartWait = restartWait;
		this.address = address;
		this.system = system;
		this.actorFactory = actorFactory;
		this.directory = directory;
		this.placer = placer;
		this.pools = pools;
		this.transport = transport;
		this.router = router;
		this.metrics = metrics;
		this.cellServices = cellServices;
		this.lifecycle = lifecycle;
	}

	<T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		if (options.placement() instanceof Placement.Address target
				&& !PoolAddresses.nodeAddress(target.address()).equals(this.address)
				&& this.pools.byAddress(target.address()) == null) {
			String uid = (options.uid() != null) ? options.uid() : newUid();
			return this.transport.create(target.address(), type, uid, args)
				.thenApply((poolAddress) -> handle(poolAddress, uid, type));
		}
		String uid;
		ActorClassInfo info;
		Placer.Slot slot;
		try {
			this.lifecycle.checkOpen();
			uid = (options.uid() != null) ? ActorUids.check(options.uid()) : newUid();
			info = ActorClassInfo.of(type);
			slot = this.placer.place(options.placement());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (!this.directory.reserve(uid)) {
			this.placer.release(slot);
			return CompletableFuture.failedFuture(new ActorAlreadyExistsException(this.address, uid));
		}
		if (slot.pool() instanceof ProcessActorPool process) {
			return createInProcess(process, type, uid, slot, options, args);
		}
		ThreadActorPool pool = (ThreadActorPool) slot.pool();
		CompletableFuture<ActorHandle<T>> created = new CompletableFuture<>();
		pool.execute(() -> {
			try {
				instantiate(pool, type, uid, info, slot, options, args);
				created.complete(handle(pool.address(), uid, type));
			}
			catch (Throwable ex) {
				created.completeExceptionally(ex);
			}
		});
		return created;
	}

	private <T> CompletableFuture<ActorHandle<T>> createInProcess(ProcessActorPool pool, Class<T> type, String uid,
			Placer.Slot slot, CreateOptions options, Object[] args) {
		CompletableFuture<String> created = (pool.live() != null) ? this.transport.create(pool.address(), type, uid, args)
				: pool.whenBack(this.restartWait, "creation of actor '" + uid + "'")
					.thenCompose((back) -> this.transport.create(pool.address(), type, uid, args));
		return created.handle((poolAddress, error) -> {
			if (error != null) {
				this.directory.unreserve(uid, slot);
				throw (error instanceof CompletionException) ? (CompletionException) error : new CompletionException(error);
			}
			this.directory.placed(new ProcessPoolActors.Placed(uid, pool, type, slot), options, args);
			return handle(poolAddress, uid, type);
		});
	}

	private static String newUid() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** Constructs the actor and runs its postCreate, on a thread of its pool. */
	private void instantiate(ThreadActorPool pool, Class<?> type, String uid, ActorClassInfo info, Placer.Slot slot,
			CreateOptions options, Object[] args) throws Throwable {
		ActorContext context = new ActorContext(uid, pool.address(), handle(pool.address(), uid, type), this.system);
		ActorCell cell = ActorCell.create(pool, uid, info, context, slot,
				(this.metrics != null) ? this.metrics.calls(pool.name(), info) : null, this.cellServices);
		try {
			context.beginConstruction();
			try {
				cell.attach(this.actorFactory.create(type.asSubclass(AbstractActor.class), args));
			}
			finally {
				ActorContext.endConstruction();
			}
			this.directory.listed(cell, type, options, args);
			pool.add(cell);
			cell.postCreate();
		}
		catch (Throwable ex) {
			this.directory.remove(cell, new ActorNotFoundException(pool.address(), uid));
			throw ex;
		}
	}

	private <T> ActorHandle<T> handle(String poolAddress, String uid, Class<T> type) {
		return new DefaultActorHandle<>(poolAddress, uid, type, this.router);
	}

}
