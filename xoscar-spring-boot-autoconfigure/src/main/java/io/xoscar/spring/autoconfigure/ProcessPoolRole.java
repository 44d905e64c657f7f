package io.xoscar.spring.autoconfigure;

import io.xoscar.ProcessPoolChild;

/**
 * Present in the context of a process pool's child JVM ({@link ProcessPoolApplication}): the node
 * there is built from the pool's arguments, not from {@code xoscar.pools}, and it creates no
 * {@code @XActor}s of its own (the parent places them).
 *
 * @param arguments the pool's arguments
 */
record ProcessPoolRole(ProcessPoolChild.Arguments arguments) {

	static final String BEAN_NAME = "xoscarProcessPoolRole";

}
