package io.xoscar.internal.pool;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.xoscar.ActorSystem;
import io.xoscar.internal.call.CallOrigin;
import io.xoscar.internal.debug.ChainLink;
import io.xoscar.internal.reflect.MethodCalls;

/**
 * Who calls one actor, counted on the calls sampled for metrics (so the call path pays for it only
 * once in {@value MethodCalls#SAMPLE} calls): by the calling actor's uid, threads that run no
 * actor's call under {@link ActorSystem.ActorInfo#OUTSIDE_ACTORS}. At most {@value #MOST} callers
 * are told apart; the calls of others are counted under {@value #OTHERS}.
 */
final class CallerCounts {

	static final int MOST = 64;

	static final String OTHERS = "(others)";

	private final Map<String, LongAdder> byCaller = new ConcurrentHashMap<>();

	/** @param caller what the sampled call records as its caller ({@link Call#caller}) */
	void sampled(Object caller) {
		String uid = uidOf(caller);
		LongAdder count = this.byCaller.get(uid);
		if (count == null) {
			count = this.byCaller.computeIfAbsent((this.byCaller.size() < MOST) ? uid : OTHERS,
					(key) -> new LongAdder());
		}
		count.increment();
	}

	/** @return the estimated calls by caller */
	Map<String, Long> estimates() {
		Map<String, Long> estimates = new HashMap<>();
		this.byCaller.forEach((uid, count) -> estimates.put(uid, count.sum() * MethodCalls.SAMPLE));
		return estimates;
	}

	static String uidOf(Object caller) {
		String uid = null;
		if (caller instanceof Call call) {
			uid = call.cell.uid;
		}
		else if (caller instanceof CallOrigin origin) {
			uid = origin.uid();
		}
		else if (caller instanceof ChainLink link) {
			uid = link.uid();
		}
		return (uid != null) ? uid : ActorSystem.ActorInfo.OUTSIDE_ACTORS;
	}

}
