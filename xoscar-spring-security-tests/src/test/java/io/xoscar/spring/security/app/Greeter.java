package io.xoscar.spring.security.app;

import io.xoscar.StatelessActor;
import io.xoscar.spring.XActor;

/** The node's one actor, created at start: the dashboard lists it. */
@XActor(Greeter.UID)
public class Greeter extends StatelessActor {

	public static final String UID = "greeter";

	public String greet(String name) {
		return "hello " + name;
	}

}
