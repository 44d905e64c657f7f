package io.xoscar.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.xoscar.spring.event.DeadlockDetectedEvent;
import io.xoscar.spring.event.SlowCallEvent;

/**
 * What an application does with the problems the actor system detects: here, a one-line summary
 * where a real service would page someone or open an incident.
 */
@Component
class OnCallNotifier {

	private static final Logger logger = LoggerFactory.getLogger(OnCallNotifier.class);

	@EventListener
	void deadlock(DeadlockDetectedEvent event) {
		logger.info("on-call: deadlock {}", event.getReport().message());
	}

	@EventListener
	void slowCall(SlowCallEvent event) {
		logger.info("on-call: {} {} slow for {} ms in pool {}", event.getAlert().kind(), event.getAlert().actor(),
				event.getAlert().elapsed().toMillis(), event.getAlert().pool());
	}

}
