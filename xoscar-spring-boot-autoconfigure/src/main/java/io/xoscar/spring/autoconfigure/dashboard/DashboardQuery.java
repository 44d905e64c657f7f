package io.xoscar.spring.autoconfigure.dashboard;

import java.util.Locale;
import java.util.function.Function;

/**
 * Which actors a dashboard snapshot lists: the query parameters of {@code api/snapshot} and
 * {@code api/events}.
 *
 * @param filter actors whose uid, class or pool id contain it (case-insensitive); empty for all
 * @param offset how many matching actors to skip
 * @param limit how many to list at most (1 to {@value #MAX_LIMIT})
 * @param sort {@code uid}, {@code class} or {@code pool} (ascending), {@code backlog} or
 * {@code calls} (largest first); ties by uid
 */
public record DashboardQuery(String filter, int offset, int limit, String sort) {

	/** The default page size. */
	public static final int DEFAULT_LIMIT = 200;

	/** The largest page size. */
	public static final int MAX_LIMIT = 1000;

	public DashboardQuery {
		filter = (filter != null) ? filter.trim().toLowerCase(Locale.ROOT) : "";
		sort = (sort != null && !sort.isBlank()) ? sort.trim().toLowerCase(Locale.ROOT) : "uid";
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative, was " + offset);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
		}
		if (!sort.matches("uid|class|pool|backlog|calls")) {
			throw new IllegalArgumentException("sort must be uid, class, pool, backlog or calls, was " + sort);
		}
	}

	/** The first page of all actors, by uid. */
	public static DashboardQuery all() {
		return new DashboardQuery("", 0, DEFAULT_LIMIT, "uid");
	}

	/**
	 * @param parameters a request's query parameters by name, {@code null} when absent
	 * @return the query they make
	 * @throws IllegalArgumentException for a value out of range or not a number
	 */
	static DashboardQuery of(Function<String, String> parameters) {
		return new DashboardQuery(parameters.apply("filter"), number(parameters, "offset", 0),
				number(parameters, "limit", DEFAULT_LIMIT), parameters.apply("sort"));
	}

	private static int number(Function<String, String> parameters, String name, int absent) {
		String value = parameters.apply(name);
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number, was " + value);
		}
	}

}
