package io.xoscar.internal.call;

import java.util.concurrent.CompletableFuture;

/**
 * The result of a tell that was handed over: one shared, completed future that cannot be changed,
 * so that fire-and-forget calls allocate no future of their own.
 */
public final class HandedOver extends CompletableFuture<Void> {

	public static final HandedOver INSTANCE = new HandedOver();

	private HandedOver() {
		super.complete(null);
	}

	@Override
	public void obtrudeValue(Void value) {
		throw new UnsupportedOperationException("the hand-over of a tell is shared and cannot be changed");
	}

	@Override
	public void obtrudeException(Throwable ex) {
		throw new UnsupportedOperationException("the hand-over of a tell is shared and cannot be changed");
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new CompletableFuture<>();
	}

}
