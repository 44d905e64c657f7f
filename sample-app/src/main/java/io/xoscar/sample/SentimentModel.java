package io.xoscar.sample;

import java.util.ArrayList;
import java.util.List;

import io.xoscar.Actor;
import io.xoscar.BatchOf;
import io.xoscar.Extensible;
import io.xoscar.spring.XActor;

/**
 * The model, on the {@code gpu} pool: a child JVM standing in for a GPU card (its
 * {@code CUDA_VISIBLE_DEVICES} is set from {@code cuda-devices}). Stateful: one call at a time, as a
 * device runs one kernel at a time. {@link #scoreAll} scores a whole batch in one turn, the way a
 * model amortises a forward pass; the {@link Lexicon} bean is injected in the child JVM.
 */
@XActor(uid = "model", pool = "gpu")
public class SentimentModel extends Actor {

	private final Lexicon lexicon;

	private final String device = String.valueOf(System.getenv("CUDA_VISIBLE_DEVICES"));

	public SentimentModel(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	@Extensible
	public Score score(List<String> tokens) {
		return scoreAll(List.of(tokens)).get(0);
	}

	/**
	 * Stands in for loading weights onto the device: long enough to cross the slow-call threshold
	 * ({@code xoscar.debug.slow-call-threshold}), so the alert, raised in this child JVM, shows up in
	 * the parent's log, {@code /actuator/xoscar/slowcalls} and its application events.
	 * @param millis how long it takes
	 * @return what was done where
	 */
	public String warmUp(long millis) throws InterruptedException {
		Thread.sleep(millis);
		return "warmed up in " + millis + " ms on device " + this.device;
	}

	@BatchOf("score")
	public List<Score> scoreAll(List<List<String>> batch) {
		List<Score> scores = new ArrayList<>(batch.size());
		for (List<String> tokens : batch) {
			double sum = tokens.stream().mapToDouble(this.lexicon::weight).sum();
			scores.add(new Score(tokens.isEmpty() ? 0 : sum / Math.sqrt(tokens.size()), batch.size(), this.device,
					ProcessHandle.current().pid()));
		}
		return scores;
	}

}
