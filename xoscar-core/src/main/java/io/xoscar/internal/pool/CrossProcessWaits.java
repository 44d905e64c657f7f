package io.xoscar.internal.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.call.PoolAddresses;
import io.xoscar.internal.debug.WaitFragment;

/**
 * Puts together the parts of waits that span processes ({@link WaitFragment}s) that a node and its
 * process pools see, on the node's watchdog thread, to find the cycles no single process sees: a
 * part that ends waiting for a call to another process continues with the part that starts with that
 * call there (the same waiter, the same actor). A cycle counts when it is found again after every
 * process in it has reported anew, for the reason {@link WaitForGraph} gives. Parts that leave the
 * node for another node and come back from it are all this node can see of such a cycle: they are
 * reported once they have lasted {@link Watchdog#CONFIRM_MILLIS}, and left to their timeouts.
 */
final class CrossProcessWaits {

	/** A process's parts older than this are forgotten (it reports every scan while it has some). */
	private static final long STALE_MILLIS = 1000;

	private static final int MAX_PARTS = 16;

	private final Predicate<String> family;

	private final Map<String, Parts> parts = new HashMap<>();

	private Map<List<Key>, Seen> cycles = new HashMap<>();

	private Map<Key, Long> leaving = new HashMap<>();

	private final Set<Key> reportedLeaving = new HashSet<>();

	/**
	 * @param family whether a node address is this node's or one of its process pools'
	 */
	CrossProcessWaits(Predicate<String> family) {
		this.family = family;
	}

	/**
	 * @param node the node that sees them
	 * @param fragments the parts it sees now (none: it sees no more)
	 * @param now when ({@link io.xoscar.internal.time.Time#millis()})
	 */
	void update(String node, List<WaitFragment> fragments, long now) {
		Parts before = this.parts.get(node);
		long seq = (before != null) ? before.seq + 1 : 1;
		if (fragments.isEmpty()) {
			this.parts.remove(node);
		}
		else {
			this.parts.put(node, new Parts(fragments, now, seq));
		}
	}

	/**
	 * @param now the time ({@link io.xoscar.internal.time.Time#millis()})
	 * @return the cycles to break (found again after every process in them reported anew) and the
	 * waits leaving the node and coming back from one other node, to report
	 */
	List<Found> check(long now) {
		this.parts.values().removeIf((part) -> now - part.at > STALE_MILLIS);
		Map<ChainLink, List<WaitFragment>> byWaiter = new HashMap<>();
		for (Parts part : this.parts.values()) {
			for (WaitFragment fragment : part.fragments) {
				byWaiter.computeIfAbsent(fragment.waiter(), (link) -> new ArrayList<>()).add(fragment);
			}
		}
		List<Found> due = new ArrayList<>();
		Map<List<Key>, Seen> seen = new HashMap<>();
		for (List<WaitFragment> fragments : byWaiter.values()) {
			for (WaitFragment fragment : fragments) {
				List<WaitFragment> cycle = cycleFrom(fragment, byWaiter);
				if (cycle == null) {
					continue;
				}
				List<Key> key = canonical(cycle);
				if (seen.containsKey(key)) {
					continue;
				}
				Seen before = this.cycles.get(key);
				seen.put(key, (before != null) ? before : new Seen(seqs(cycle)));
				if (before != null && !before.resolved && advanced(before, cycle)) {
					before.resolved = true;
					due.add(youngest(rotate(cycle, key), now));
				}
			}
		}
		this.cycles = seen;
		due.addAll(leaving(now));
		return due;
	}

	/** @return the parts closing a cycle through {@code start}, in wait order, or {@code null} */
	private List<WaitFragment> cycleFrom(WaitFragment start, Map<ChainLink, List<WaitFragment>> byWaiter) {
		List<WaitFragment> cycle = new ArrayList<>();
		WaitFragment current = start;
		while (cycle.size() < MAX_PARTS) {
			cycle.add(current);
			WaitFragment next = null;
			for (WaitFragment candidate : byWaiter.getOrDefault(current.exit(), List.of())) {
				if (continues(current, candidate)) {
					if (next != null) {
						return null;
					}
					next = candidate;
				}
			}
			if (next == null) {
				return null;
			}
			if (next == start) {
				return cycle;
			}
			if (cycle.contains(next)) {
				return null;
			}
			current = next;
		}
		return null;
	}

	/** Whether the call {@code part} ends waiting for is the one {@code next} starts with. */
	private static boolean continues(WaitFragment part, WaitFragment next) {
		return part.targetUid().equals(next.actorUid())
				&& (part.targetAddress().equals(next.actorAddress())
						|| part.targetAddress().equals(PoolAddresses.nodeAddress(next.actorAddress())));
	}

	private static List<Key> canonical(List<WaitFragment> cycle) {
		List<Key> keys = cycle.stream().map(Key::of).toList();
		int first = 0;
		for (int i = 1; i < keys.size(); i++) {
			if (keys.get(i).toString().compareTo(keys.get(first).toString()) < 0) {
				first = i;
			}
		}
		List<Key> rotated = new ArrayList<>(keys.subList(first, keys.size()));
		rotated.addAll(keys.subList(0, first));
		return rotated;
	}

	private static List<WaitFragment> rotate(List<WaitFragment> cycle, List<Key> order) {
		List<WaitFragment> rotated = new ArrayList<>();
		for (Key key : order) {
			for (WaitFragment fragment : cycle) {
				if (Key.of(fragment).equals(key)) {
					rotated.add(fragment);
				}
			}
		}
		return rotated;
	}

	private Map<String, Long> seqs(List<WaitFragment> cycle) {
		Map<String, Long> seqs = new HashMap<>();
		for (WaitFragment fragment : cycle) {
			Parts part = this.parts.get(fragment.node());
			seqs.put(fragment.node(), (part != null) ? part.seq : 0);
		}
		return seqs;
	}

	/** @return whether every process of the cycle reported again since it was first found */
	private boolean advanced(Seen before, List<WaitFragment> cycle) {
		for (WaitFragment fragment : cycle) {
			Parts part = this.parts.get(fragment.node());
			Long then = before.seqs.get(fragment.node());
			if (part == null || then == null || part.seq <= then) {
				return false;
			}
		}
		return true;
	}

	private Found youngest(List<WaitFragment> cycle, long now) {
		WaitFragment.Queued youngest = null;
		String node = null;
		long youngestAge = Long.MAX_VALUE;
		for (WaitFragment fragment : cycle) {
			long since = now - this.parts.get(fragment.node()).at;
			for (WaitFragment.Queued queued : fragment.queued()) {
				long age = queued.ageMillis() + since;
				if (age <= youngestAge) {
					youngestAge = age;
					youngest = queued;
					node = fragment.node();
				}
			}
		}
		return new Found(cycle, node, youngest, false);
	}

	/** Parts that leave for another node and come back from it: reported once, after a while. */
	private List<Found> leaving(long now) {
		Map<Key, Long> still = new HashMap<>();
		List<Found> due = new ArrayList<>();
		for (Parts part : this.parts.values()) {
			for (WaitFragment fragment : part.fragments) {
				String to = PoolAddresses.nodeAddress(fragment.targetAddress());
				String from = PoolAddresses.nodeAddress(fragment.waiter().address());
				if (this.family.test(to) || !to.equals(from)) {
					continue;
				}
				Key key = Key.of(fragment);
				long since = this.leaving.getOrDefault(key, now);
				still.put(key, since);
				if (now - since >= CycleChecks.CONFIRM_MILLIS && this.reportedLeaving.add(key)) {
					due.add(new Found(List.of(fragment), null, null, true));
				}
			}
		}
		this.reportedLeaving.retainAll(still.keySet());
		this.leaving = still;
		return due;
	}

	/**
	 * What the check found.
	 *
	 * @param cycle the parts, in wait order
	 * @param node where the call to fail is, or {@code null} for a report only
	 * @param victim the youngest queued call of the cycle, or {@code null}
	 * @param acrossNodes whether it is a wait through another node, of which this node sees its part
	 */
	record Found(List<WaitFragment> cycle, String node, WaitFragment.Queued victim, boolean acrossNodes) {
	}

	private record Parts(List<WaitFragment> fragments, long at, long seq) {
	}

	/** A part by what it connects, not by how long its calls have waited. */
	private record Key(String node, ChainLink waiter, String actorUid, ChainLink exit) {

		static Key of(WaitFragment fragment) {
			return new Key(fragment.node(), fragment.waiter(), fragment.actorUid(), fragment.exit());
		}

	}

	/** A cycle as first found: the report numbers of its processes then, and whether it was broken. */
	private static final class Seen {

		final Map<String, Long> seqs;

		boolean resolved;

		Seen(Map<String, Long> seqs) {
			this.seqs = seqs;
		}

	}

}
