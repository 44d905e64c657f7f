package io.xoscar.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.xoscar.StatelessActor;
import io.xoscar.spring.XActor;

/**
 * Pre-processing: a stateless actor, so its calls run side by side on the threads of the
 * {@code cpu} pools.
 */
@XActor(uid = "tokenizer", pool = "cpu")
public class Tokenizer extends StatelessActor {

	public List<String> tokenize(String text) {
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
			.filter((token) -> !token.isEmpty())
			.toList();
	}

}
