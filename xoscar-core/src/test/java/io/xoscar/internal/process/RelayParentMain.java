package io.xoscar.internal.process;

import java.io.DataOutputStream;

/**
 * Main class of an intermediate child JVM for the fate sharing tests: starts a grandchild running
 * {@link ProbeChildMain} and reports {@code grandchild=<pid>} as its own ready payload, then waits
 * forever. The grandchild runs in {@code ready} mode by default; with the argument {@code partial} it
 * runs in {@code private} mode and is left reading its private input: the relay writes only the
 * first 10 of the 1000 bytes it announces.
 */
public final class RelayParentMain {

	private RelayParentMain() {
	}

	public static void main(String[] args) throws Exception {
		ParentWatch.install();
		long grandchild;
		if (args.length > 0 && args[0].equals("partial")) {
			Process process = ProbeChildMain.launchRaw(ProbeChildMain.spec("grandchild", "private"));
			DataOutputStream stdin = new DataOutputStream(process.getOutputStream());
			stdin.writeInt(1000);
			stdin.write(new byte[10]);
			stdin.flush();
			ProbeChildMain.awaitTaking(process);
			grandchild = process.pid();
		}
		else {
			grandchild = ChildJvm.start(ProbeChildMain.spec("grandchild", "ready")).pid();
		}
		ChildMainSupport.ready("grandchild=" + grandchild);
		Thread.currentThread().join();
	}

}
