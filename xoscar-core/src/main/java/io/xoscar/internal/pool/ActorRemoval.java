package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.transport.Transport;

/**
 * Removes a node's own actors: destroys them (preDestroy first) or kills them (at once; an actor of
 * a process pool by killing its process, which recovery restarts).
 */
final class ActorRemoval {

	private final LocalNode node;

	private final String address;

	private final ActorDirectory directory;

	private final Transport transport;

	private final PoolRecovery recovery;

	/** How long operations on actors of a process pool that restarts wait for it. */
	private final Duration restartWait;

	ActorRemoval(LocalNode node, String address, ActorDirectory directory, Transport transport, PoolRecovery recovery,
			Duration restartWait) {
		this.node = node;
		this.address = address;
		this.directory = directory;
		this.transport = transport;
		this.recovery = recovery;
		this.restartWait = restartWait;
	}


	/**
	 * Runs the actor's preDestroy on its pool, then removes it; an actor of a process pool is
	 * destroyed by its process (once the pool is back, if it restarts).
	 */
	CompletableFuture<Void> destroy(String address, String uid) {
		ActorCell cell;
		try {
			cell = localCell(address, uid);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (cell == null) {
			ProcessPoolActors.Placed remote = this.directory.placed(address, uid, this.address);
			// while its pool restarts, the actor is being made again: it is destroyed once it is back
			return remote.pool()
				.whenBack(this.restartWait, "destruction of actor '" + uid + "'")
				.thenCompose((back) -> this.transport.destroy(remote.pool().address(), uid))
				.thenRun(() -> this.directory.forget(remote));
		}
		if (!cell.beginDestroy()) {
			return CompletableFuture.failedFuture(new ActorNotFoundException(address, uid));
		}
		CompletableFuture<Void> destroyed = new CompletableFuture<>();
		cell.pool().execute(() -> {
			try {
				cell.preDestroy();
			}
			catch (Throwable ex) {
				cell.abortDestroy();
				destroyed.completeExceptionally(ex);
				return;
			}
			this.directory.remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			destroyed.complete(null);
		});
		return destroyed;
	}

	/** Removes the actor at once; refused for actors of the main pool. */
	CompletableFuture<Void> kill(String address, String uid) {
		try {
			ActorCell cell = localCell(address, uid);
			if (cell == null) {
				// killing an actor of a process pool kills the pool's process; recovery brings it back
				ProcessActorPool pool = this.directory.placed(address, uid, this.address).pool();
				pool.kill(this.recovery.enabled());
				if (!this.recovery.enabled()) {
					this.directory.forgetAll(pool);
				}
				return CompletableFuture.completedFuture(null);
			}
			if (cell.pool().index() == 0) {
				throw new IllegalArgumentException("cannot kill actor '" + uid + "': it lives in the main pool "
						+ this.address + "; use destroyActor");
			}
			this.directory.remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			return CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private ActorCell localCell(String address, String uid) {
		return (this.node.lookup(address, uid) instanceof LocalTarget local) ? local.cell() : null;
	}

}
