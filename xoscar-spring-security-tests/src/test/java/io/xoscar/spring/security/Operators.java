package io.xoscar.spring.security;

/**
 * The users of the tests of the README's chains: an operator (role {@code OPS}) and a developer,
 * who may log in but is no operator. Passwords are stored as they are ({@code {noop}}): test users.
 */
final class Operators {

	static final String OPS = "ops";

	static final String OPS_PASSWORD = "ops-secret";

	static final String DEV = "dev";

	static final String DEV_PASSWORD = "dev-secret";

	private Operators() {
	}

}
