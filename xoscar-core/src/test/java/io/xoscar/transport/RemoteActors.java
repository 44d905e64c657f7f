package io.xoscar.transport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.BatchOf;
import io.xoscar.Extensible;
import io.xoscar.NoLock;

/**
 * Actors and value types used across processes by the transport tests.
 */
public final class RemoteActors {

	private RemoteActors() {
	}

	public enum Unit {
		KG, M
	}

	public record Measure(double value, Unit unit, Optional<String> note, Instant at, Duration took) {
	}

	/** A plain class without annotations. */
	public static class Bag {

		private String name;

		private List<Integer> items = new ArrayList<>();

		public Bag() {
		}

		public Bag(String name, List<Integer> items) {
			this.name = name;
			this.items = items;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public List<Integer> getItems() {
			return this.items;
		}

		public void setItems(List<Integer> items) {
			this.items = items;
		}

	}

	public static class CustomFailure extends RuntimeException {

		public CustomFailure(String message) {
			super(message);
		}

	}

	public static class Counter extends Actor {

		private long value;

		private final List<String> log = new ArrayList<>();

		private volatile String interrupted = "no";

		public Counter(long start) {
			this.value = start;
		}

		public long add(long n) {
			return this.value += n;
		}

		public String add(String text) {
			return "text:" + text;
		}

		public CompletableFuture<Long> addLater(long n) {
			return CompletableFuture.completedFuture(this.value += n);
		}

		public long get() {
			return this.value;
		}

		public void append(String entry) {
			this.log.add(entry);
		}

		public List<String> log() {
			return List.copyOf(this.log);
		}

		@Extensible
		public String put(String key, int value) {
			return key + "=" + value;
		}

		@BatchOf("put")
		public List<String> putAll(List<String> keys, List<Integer> values) {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				out.add(keys.get(i) + ":" + values.get(i));
			}
			return out;
		}

		public Measure scale(Measure measure, double factor) {
			return new Measure(measure.value() * factor, measure.unit(), measure.note(), measure.at(), measure.took());
		}

		public Bag grow(Bag bag, int item) {
			List<Integer> items = new ArrayList<>(bag.getItems());
			items.add(item);
			return new Bag(bag.getName(), items);
		}

		public Map<String, List<Integer>> index(Map<String, List<Integer>> in) {
			return in;
		}

		public byte[] echo(byte[] data) {
			return data;
		}

		public int fail(String message) {
			throw new IllegalStateException(message);
		}

		public int failCustom(String message) {
			throw new CustomFailure(message);
		}

		public int failSecret(String message) {
			throw new org.example.outside.SecretException(message);
		}

		public Object unserializable() {
			return new Object() {
				public Object getSelf() {
					return this;
				}
			};
		}

		/** Calls back the caller's actor: a second hop. */
		public long relay(ActorHandle<?> other, String message) {
			return other.method("fail").<Integer>call(message);
		}

		public String block(long millis) {
			try {
				Thread.sleep(millis);
				return "slept";
			}
			catch (InterruptedException ex) {
				this.interrupted = "yes";
				return "interrupted";
			}
		}

		@NoLock
		public String interrupted() {
			return this.interrupted;
		}

		public String where() {
			return address();
		}

	}

}
