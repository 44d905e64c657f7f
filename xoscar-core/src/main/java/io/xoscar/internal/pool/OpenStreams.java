package io.xoscar.internal.pool;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.xoscar.internal.time.Time;

/**
 * The streams a node's actors are sending now, for listings (Actuator) and meters.
 */
final class OpenStreams {

	private final Set<StreamRelay> open = ConcurrentHashMap.newKeySet();

	private final Time time;

	OpenStreams(Time time) {
		this.time = time;
	}

	void opened(StreamRelay stream) {
		this.open.add(stream);
	}

	void closed(StreamRelay stream) {
		this.open.remove(stream);
	}

	/** @return how many are open */
	int count() {
		return this.open.size();
	}

	/** @return the open streams, oldest first */
	List<OpenStream> list() {
		long now = this.time.millis();
		return this.open.stream()
			.map((stream) -> OpenStream.of(stream, now))
			.filter((stream) -> stream != null)
			.sorted(Comparator.comparingLong(OpenStream::ageMillis).reversed())
			.toList();
	}

	/**
	 * One open stream.
	 * @param uid the producing actor
	 * @param actorClass its class
	 * @param method the method streaming
	 * @param pool the address of its pool
	 * @param ageMillis how long it has been open (since its call started, or was queued)
	 * @param items items sent so far
	 */
	record OpenStream(String uid, String actorClass, String method, String pool, long ageMillis, long items) {

		static OpenStream of(StreamRelay stream, long now) {
			Call call = stream.call();
			if (call == null) {
				return null;
			}
			long since = (call.startedAt != Call.NOT_STARTED) ? call.startedAt : call.queuedAt;
			return new OpenStream(call.cell.uid, call.cell.info.type().getName(), call.method, call.cell.pool.address(),
					(since > 0) ? Math.max(0, now - since) : 0, stream.items());
		}

	}

}
