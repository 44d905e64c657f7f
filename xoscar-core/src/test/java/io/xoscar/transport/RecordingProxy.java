package io.xoscar.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that forwards to one target and records every byte that crosses it, in
 * both directions: what a network observer between two nodes would see.
 */
final class RecordingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile int targetPort;

	RecordingProxy() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "recording-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** @return the proxy's port */
	int port() {
		return this.server.getLocalPort();
	}

	/** @param port where connections are forwarded to (set before the first one arrives) */
	void forwardTo(int port) {
		this.targetPort = port;
	}

	/** @return everything recorded so far */
	byte[] recorded() {
		synchronized (this.recorded) {
			return this.recorded.toByteArray();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					synchronized (this.recorded) {
						this.recorded.write(buffer, 0, read);
					}
					out.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "recording-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(RecordingProxy::closeQuietly);
	}

}
