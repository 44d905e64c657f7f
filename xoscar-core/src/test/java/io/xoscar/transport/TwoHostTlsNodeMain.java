package io.xoscar.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.TlsConfig;

/**
 * The node on the second host of {@link TwoHostTlsTest}, run in another network namespace: reads
 * from standard input (never from its arguments) the address to bind, the token, its certificate
 * chain, its key and the trusted authority (each as {@link DataInputStream#readUTF()}), starts a
 * node with mutual TLS and the token, creates nothing, prints {@value #READY} and its address, and
 * stays until its standard input closes.
 */
public final class TwoHostTlsNodeMain {

	/** Starts the line that tells the test this node is ready; its address follows. */
	public static final String READY = "TWO-HOST-NODE-READY ";

	private TwoHostTlsNodeMain() {
	}

	public static void main(String[] args) throws IOException {
		InputStream in = System.in;
		DataInputStream settings = new DataInputStream(in);
		String address = settings.readUTF();
		String token = settings.readUTF();
		String chain = settings.readUTF();
		String key = settings.readUTF();
		String trusted = settings.readUTF();
		ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.address(address)
			.token(token)
			.tls(TlsConfig.fromPem(chain, key, trusted).withClientAuth(TlsConfig.ClientAuth.NEED))
			// as on another host: no socket directory shared with the test's nodes
			.unixSockets(false)
			.mainPoolThreads(2)
			.connectTimeout(Duration.ofSeconds(5))
			.build());
		System.out.println(READY + system.address());
		System.out.flush();
		while (in.read() >= 0) {
			// stays until the test closes its standard input (or dies)
		}
		system.close();
		System.exit(0);
	}

}
