package io.xoscar.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.xoscar.Actor;
import io.xoscar.BatchOf;
import io.xoscar.Extensible;

/**
 * A counter with a batch implementation of {@code add}: a batch of N adds is one method invocation.
 */
public class BatchCounter extends Actor {

	private long value;

	@Extensible
	public long add(long n) {
		return this.value += n;
	}

	@BatchOf("add")
	public List<Long> addAll(List<Long> ns) {
		List<Long> results = new ArrayList<>(ns.size());
		long v = this.value;
		for (Long n : ns) {
			v += n;
			results.add(v);
		}
		this.value = v;
		return results;
	}

}
