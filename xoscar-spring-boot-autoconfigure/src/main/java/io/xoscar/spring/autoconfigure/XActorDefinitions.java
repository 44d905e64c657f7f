package io.xoscar.spring.autoconfigure;

import java.util.List;

/**
 * The application's {@link io.xoscar.spring.XActor @XActor} declarations, found once.
 *
 * @param all the declarations
 */
record XActorDefinitions(List<XActorDefinition> all) {

	XActorDefinitions {
		all = List.copyOf(all);
	}

}
