package io.xoscar.internal.process;

/**
 * Main class of an intermediate child JVM for the fate sharing test: starts a grandchild running
 * {@link ProbeChildMain} in {@code ready} mode and reports {@code grandchild=<pid>} as its own ready
 * payload, then waits forever.
 */
public final class RelayParentMain {

	private RelayParentMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		ParentWatch.install();
		ChildJvm grandchild = ChildJvm.start(ProbeChildMain.spec("grandchild", "ready"));
		ChildMainSupport.ready("grandchild=" + grandchild.pid());
		Thread.currentThread().join();
	}

}
