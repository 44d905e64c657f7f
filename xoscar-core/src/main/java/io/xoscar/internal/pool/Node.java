package io.xoscar.internal.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.xoscar.AbstractActor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;
import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.DefaultActorHandle;
import io.xoscar.internal.call.LocalActor;
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.LocalNodes;
import io.xoscar.internal.reflect.ActorClassInfo;
import io.xoscar.internal.transport.Transport;
import io.xoscar.internal.transport.TransportSettings;

/**
 * The runtime behind an {@link ActorSystem}: its pools, the directory of its actors (uids are
 * unique per node, so the main address finds actors of every pool), and their lifecycle.
 */
public final class Node implements LocalNode {

	private static final Logger logger = LoggerFactory.getLogger(Node.class);

	private static final Pattern UID = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

	private final ActorSystem system;

	private final String address;

	private final List<ThreadActorPool> pools;

	private final ConcurrentMap<String, ActorCell> directory = new ConcurrentHashMap<>();

	/** Uids of live actors and of actors being created. */
	private final ConcurrentMap<String, Boolean> uids = new ConcurrentHashMap<>();

	private final Placer placer;

	private final CallRouter router;

	private final Transport transport;

	private volatile boolean closed;

	public Node(ActorSystem system, ActorSystemConfig config) {
		this.system = system;
		String[] hostAndPort = hostAndPort(config.address());
		this.transport = Transport.start(this, hostAndPort[0], Integer.parseInt(hostAndPort[1]), new TransportSettings(
				config.maxFrameSize(), config.connectTimeout(), config.exceptionPackages()), this::router);
		this.address = this.transport.address();
		this.router = new CallRouter(config.callTimeout(), this.transport::target);
		List<ThreadActorPool> pools = new ArrayList<>();
		pools.add(new ThreadActorPool(0, "main", this.address, Set.of(), config.mainPoolThreads()));
		for (PoolConfig pool : config.pools()) {
			for (int i = 0; i < pool.count(); i++) {
				int index = pools.size();
				pools.add(new ThreadActorPool(index, pool.name(), this.address + "/" + index, pool.labels(), pool.threads()));
			}
		}
		this.pools = List.copyOf(pools);
		this.placer = new Placer(this.pools);
		try {
			LocalNodes.register(this.address, this);
		}
		catch (RuntimeException ex) {
			this.pools.forEach((pool) -> pool.shutdown(Duration.ZERO));
			this.transport.close();
			throw ex;
		}
	}

	private static String[] hostAndPort(String address) {
		int colon = address.lastIndexOf(':');
		int port;
		try {
			port = (colon > 0) ? Integer.parseInt(address.substring(colon + 1)) : -1;
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (port < 0 || port > 65535 || address.contains("/")) {
			throw new IllegalArgumentException("address must be host:port (port 0 for any free port), was '" + address + "'");
		}
		return new String[] { address.substring(0, colon), Integer.toString(port) };
	}

	public String address() {
		return this.address;
	}

	public List<ThreadActorPool> pools() {
		return this.pools;
	}

	public CallRouter router() {
		return this.router;
	}

	public <T> ActorHandle<T> handle(String address, String uid, Class<T> type) {
		return new DefaultActorHandle<>(address, uid, type, this.router);
	}

	// creation

	@Override
	public <T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		if (options.placement() instanceof Placement.Address target
				&& !LocalNodes.nodeAddress(target.address()).equals(this.address)) {
			LocalNode other = LocalNodes.find(target.address());
			if (other != null) {
				return other.create(type, options, args);
			}
			String uid = (options.uid() != null) ? options.uid() : newUid();
			return this.transport.create(target.address(), type, uid, args)
				.thenApply((poolAddress) -> handle(poolAddress, uid, type));
		}
		String uid;
		ActorClassInfo info;
		Placer.Slot slot;
		try {
			checkOpen();
			uid = (options.uid() != null) ? checkUid(options.uid()) : newUid();
			info = ActorClassInfo.of(type);
			slot = this.placer.place(options.placement());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (this.uids.putIfAbsent(uid, Boolean.TRUE) != null) {
			this.placer.release(slot);
			return CompletableFuture.failedFuture(new ActorAlreadyExistsException(this.address, uid));
		}
		CompletableFuture<ActorHandle<T>> created = new CompletableFuture<>();
		slot.pool().execute(() -> {
			try {
				instantiate(type, uid, info, slot, args);
				created.complete(handle(slot.pool().address(), uid, type));
			}
			catch (Throwable ex) {
				created.completeExceptionally(ex);
			}
		});
		return created;
	}

	private static String newUid() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String checkUid(String uid) {
		if (!UID.matcher(uid).matches()) {
			throw new IllegalArgumentException("illegal actor uid '" + uid
					+ "': use 1 to 128 characters among letters, digits and _ . : @ -");
		}
		return uid;
	}

	/** Constructs the actor and runs its postCreate, on a thread of its pool. */
	private void instantiate(Class<?> type, String uid, ActorClassInfo info, Placer.Slot slot, Object[] args)
			throws Throwable {
		ThreadActorPool pool = slot.pool();
		ActorContext context = new ActorContext(uid, pool.address(), handle(pool.address(), uid, type), this.system);
		ActorCell cell = ActorCell.create(pool, uid, info, context, slot);
		try {
			context.beginConstruction();
			try {
				cell.attach((AbstractActor) info.instantiate(args));
			}
			finally {
				ActorContext.endConstruction();
			}
			this.directory.put(uid, cell);
			pool.add(cell);
			cell.postCreate();
		}
		catch (Throwable ex) {
			remove(cell, new ActorNotFoundException(pool.address(), uid));
			throw ex;
		}
	}

	// lookup

	@Override
	public ActorCell lookup(String address, String uid) {
		ActorCell cell = this.directory.get(uid);
		if (cell == null || !(address.equals(this.address) || address.equals(cell.pool().address()))) {
			throw new ActorNotFoundException(address, uid);
		}
		return cell;
	}

	@Override
	public boolean has(String address, String uid) {
		ActorCell cell = this.directory.get(uid);
		return cell != null && (address.equals(this.address) || address.equals(cell.pool().address()));
	}

	// operations on any address: this JVM's nodes directly, others through the transport

	/**
	 * @return a handle carrying the actor's own pool address
	 */
	public <T> CompletableFuture<ActorHandle<T>> actorRefAnywhere(String address, String uid, Class<T> type) {
		LocalNode local = LocalNodes.find(address);
		if (local != null) {
			try {
				LocalActor actor = local.lookup(address, uid);
				return CompletableFuture.completedFuture(handle(actor.poolAddress(), uid, typeOr(type, actor.actorClass())));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}
		return this.transport.resolve(address, uid)
			.thenApply((found) -> handle(found.get(0), uid, typeOr(type, loadActorClass(found.get(1)))));
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<T> typeOr(Class<T> wanted, Class<?> actual) {
		return (wanted != null) ? wanted : (Class<T>) actual;
	}

	private static Class<?> loadActorClass(String name) {
		try {
			Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
			return AbstractActor.class.isAssignableFrom(type) ? type : null;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	public CompletableFuture<Void> destroyAnywhere(String address, String uid) {
		LocalNode local = LocalNodes.find(address);
		return (local != null) ? local.destroy(address, uid) : this.transport.destroy(address, uid);
	}

	public CompletableFuture<Boolean> hasAnywhere(String address, String uid) {
		LocalNode local = LocalNodes.find(address);
		return (local != null) ? CompletableFuture.completedFuture(local.has(address, uid))
				: this.transport.has(address, uid);
	}

	public CompletableFuture<Void> killAnywhere(String address, String uid) {
		LocalNode local = LocalNodes.find(address);
		return (local != null) ? local.kill(address, uid) : this.transport.kill(address, uid);
	}

	// removal

	@Override
	public CompletableFuture<Void> destroy(String address, String uid) {
		ActorCell cell;
		try {
			cell = lookup(address, uid);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
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
			remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			destroyed.complete(null);
		});
		return destroyed;
	}

	@Override
	public CompletableFuture<Void> kill(String address, String uid) {
		try {
			ActorCell cell = lookup(address, uid);
			if (cell.pool().index() == 0) {
				throw new IllegalArgumentException("cannot kill actor '" + uid + "': it lives in the main pool "
						+ this.address + "; use destroyActor");
			}
			remove(cell, new ActorNotFoundException(cell.pool().address(), uid));
			return CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void remove(ActorCell cell, RuntimeException reason) {
		if (cell.stop(reason)) {
			this.directory.remove(cell.uid(), cell);
			cell.pool().remove(cell);
			this.uids.remove(cell.uid());
			this.placer.release(cell.slot);
		}
		else if (!this.directory.containsKey(cell.uid())) {
			// creation failed before the actor was listed
			this.uids.remove(cell.uid());
			this.placer.release(cell.slot);
		}
	}

	// shutdown

	private void checkOpen() {
		if (this.closed) {
			throw new PoolDownException("actor system at " + this.address + " is shut down");
		}
	}

	/**
	 * Runs every actor's preDestroy (bounded by the timeout), fails what is still queued and stops
	 * the pools.
	 * @param timeout how long to wait for preDestroy hooks and running calls
	 */
	public void close(Duration timeout) {
		if (this.closed) {
			return;
		}
		this.closed = true;
		LocalNodes.unregister(this.address, this);
		List<CompletableFuture<Void>> hooks = new ArrayList<>();
		for (ActorCell cell : this.directory.values()) {
			CompletableFuture<Void> hook = new CompletableFuture<>();
			cell.pool().execute(() -> {
				try {
					cell.preDestroy();
				}
				catch (Throwable ex) {
					logger.warn("preDestroy of {} failed during shutdown", cell.describe("preDestroy"), ex);
				}
				hook.complete(null);
			});
			hooks.add(hook);
		}
		try {
			CompletableFuture.allOf(hooks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			logger.warn("Actor system at {}: preDestroy hooks did not all finish within {}", this.address, timeout);
		}
		PoolDownException down = new PoolDownException("actor system at " + this.address + " is shut down");
		for (ActorCell cell : List.copyOf(this.directory.values())) {
			remove(cell, down);
		}
		for (ThreadActorPool pool : this.pools) {
			pool.shutdown(timeout);
		}
		this.transport.close();
	}

	public boolean isClosed() {
		return this.closed;
	}

}
