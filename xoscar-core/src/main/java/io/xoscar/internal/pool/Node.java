package io.xoscar.internal.pool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import io.xoscar.internal.call.LocalNode;
import io.xoscar.internal.call.LocalNodes;
import io.xoscar.internal.reflect.ActorClassInfo;

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

	private volatile boolean closed;

	public Node(ActorSystem system, ActorSystemConfig config) {
		this.system = system;
		this.address = bindableAddress(config.address());
		this.router = new CallRouter(config.callTimeout());
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
			throw ex;
		}
	}

	/** A port of 0 becomes a free port, so that every node has a distinct, usable address. */
	private static String bindableAddress(String address) {
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
		if (port != 0) {
			return address;
		}
		String host = address.substring(0, colon);
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return host + ":" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot find a free port on " + host + ": " + ex.getMessage(), ex);
		}
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

	public <T> CompletableFuture<ActorHandle<T>> create(Class<T> type, CreateOptions options, Object[] args) {
		if (options.placement() instanceof Placement.Address target
				&& !LocalNodes.nodeAddress(target.address()).equals(this.address)) {
			if (LocalNodes.find(target.address()) instanceof Node other) {
				return other.create(type, options, args);
			}
			return CompletableFuture.failedFuture(new PoolDownException("no actor pool at " + target.address()
					+ " in this JVM, and no transport to other processes is configured"));
		}
		String uid;
		ActorClassInfo info;
		Placer.Slot slot;
		try {
			checkOpen();
			uid = (options.uid() != null) ? checkUid(options.uid()) : UUID.randomUUID().toString().replace("-", "");
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

	public boolean has(String address, String uid) {
		ActorCell cell = this.directory.get(uid);
		return cell != null && (address.equals(this.address) || address.equals(cell.pool().address()));
	}

	// removal

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
	}

	public boolean isClosed() {
		return this.closed;
	}

}
