package io.xoscar.internal.debug;

import java.util.List;

import io.xoscar.debug.DeadlockReport;
import io.xoscar.debug.SlowCallAlert;

/**
 * How deadlock reports and alerts read in the log.
 */
public final class AlertText {

	private AlertText() {
	}

	static String deadlock(DeadlockReport report, long suppressed) {
		String again = (suppressed > 0) ? " (also detected " + suppressed + " more time(s) in the last minute)" : "";
		String how = (report.detection() == DeadlockReport.Detection.CALL_CHAIN) ? "Deadlock" : "Deadlock (wait-for graph)";
		return how + again + ": " + report.message() + stack(report.stack());
	}

	/** @return the alert as logged when it is raised */
	public static String raised(SlowCallAlert alert) {
		if (alert.kind() == SlowCallAlert.Kind.BACKLOG) {
			return "Backlog: a call of " + alert.actor() + " has waited " + alert.elapsed().toMillis()
					+ " ms in the mailbox (threshold " + alert.threshold().toMillis() + " ms); called by " + alert.caller()
					+ "; " + alert.state() + stack(alert.stack());
		}
		return "Slow call: " + alert.actor() + " has been running for " + alert.elapsed().toMillis() + " ms (threshold "
				+ alert.threshold().toMillis() + " ms); called by " + alert.caller() + "; " + alert.state()
				+ stack(alert.stack());
	}

	static String ended(SlowCallAlert alert) {
		if (alert.kind() == SlowCallAlert.Kind.BACKLOG) {
			return "Backlog cleared: the call of " + alert.actor() + " started after waiting "
					+ alert.duration().toMillis() + " ms in the mailbox";
		}
		return "Slow call ended: " + alert.actor() + " took " + alert.duration().toMillis() + " ms";
	}

	private static String stack(List<String> frames) {
		if (frames.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (String frame : frames) {
			text.append(System.lineSeparator()).append("\tat ").append(frame);
		}
		return text.toString();
	}

}
