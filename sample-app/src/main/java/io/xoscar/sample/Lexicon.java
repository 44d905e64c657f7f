package io.xoscar.sample;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The "weights" of the sentiment model: a word list. A real service would load a model file here;
 * as a bean it is injected into the model actor in whichever JVM hosts it.
 */
@Component
public class Lexicon {

	private static final Map<String, Double> WEIGHTS = Map.ofEntries(Map.entry("good", 1.0), Map.entry("great", 1.5),
			Map.entry("love", 1.5), Map.entry("fast", 0.5), Map.entry("nice", 1.0), Map.entry("bad", -1.0),
			Map.entry("slow", -0.5), Map.entry("hate", -1.5), Map.entry("awful", -1.5), Map.entry("broken", -1.0));

	public double weight(String token) {
		return WEIGHTS.getOrDefault(token, 0.0);
	}

}
