package io.xoscar.internal.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.xoscar.internal.debug.ChainLink;

/**
 * Converts a call chain (the stateful actors a call keeps waiting, innermost first) to the
 * {@link ChainLink}s it travels as between processes, and back.
 */
public final class ChainLinks {

	private ChainLinks() {
	}

	/** One entry of a call chain as a node keeps it. */
	public interface Entry {

		/** @return the entry as it travels: the actor, its method and the id of its call */
		ChainLink link();

		/** @return the entry after it, or {@code null} */
		Entry next();

	}

	/**
	 * @param chain a call chain, or {@code null}
	 * @return its entries as they travel, innermost first, or {@code null} for no chain
	 */
	public static List<ChainLink> of(Entry chain) {
		if (chain == null) {
			return null;
		}
		List<ChainLink> links = new ArrayList<>();
		for (Entry entry = chain; entry != null; entry = entry.next()) {
			links.add(entry.link());
		}
		return links;
	}

	/**
	 * @param links the entries of a chain received from another process, innermost first
	 * @param entry makes an entry of a link and the entry after it
	 * @return the chain, or {@code null} for no links
	 */
	public static <C extends Entry> C chain(List<ChainLink> links, BiFunction<ChainLink, C, C> entry) {
		C chain = null;
		for (int i = links.size() - 1; i >= 0; i--) {
			chain = entry.apply(links.get(i), chain);
		}
		return chain;
	}

}
