package io.xoscar.internal.reflect;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written in annotations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d},
 * or ISO-8601 ({@code PT5S}).
 */
public final class DurationText {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

	private DurationText() {
	}

	/**
	 * @param text the duration
	 * @param where what it configures, for the error message
	 * @return the duration, positive
	 * @throws IllegalArgumentException if it is malformed or not positive
	 */
	public static Duration parse(String text, String where) {
		String trimmed = text.trim();
		Duration duration;
		Matcher simple = SIMPLE.matcher(trimmed);
		try {
			duration = simple.matches() ? simple(Long.parseLong(simple.group(1)), simple.group(2))
					: Duration.parse(trimmed);
		}
		catch (DateTimeParseException | ArithmeticException | NumberFormatException ex) {
			throw invalid(text, where);
		}
		if (duration.isZero() || duration.isNegative()) {
			throw invalid(text, where);
		}
		return duration;
	}

	private static Duration simple(long amount, String unit) {
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
	}

	private static IllegalArgumentException invalid(String text, String where) {
		return new IllegalArgumentException("invalid duration '" + text + "' in " + where
				+ ": write a positive duration such as 500ms, 5s, 2m, 1h or PT5S");
	}

}
