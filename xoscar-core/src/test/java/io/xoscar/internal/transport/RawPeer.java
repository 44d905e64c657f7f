package io.xoscar.internal.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

import io.xoscar.internal.call.CallRouter;

/**
 * For tests that speak to a node over a plain socket: a peer must exchange {@link Frame.Hello}s
 * first, as nodes do on every new connection, before anything else it sends is read.
 */
public final class RawPeer {

	private static final Wire WIRE = new Wire(() -> CallRouter.DETACHED);

	private RawPeer() {
	}

	/**
	 * Connects to a node and exchanges Hellos with it.
	 * @param host the node's host
	 * @param port its port
	 * @param timeoutMillis the socket's read timeout
	 * @return the socket, ready for frames
	 * @throws IOException if the connection fails, or the node's first frame is not a Hello
	 */
	public static Socket connect(String host, int port, int timeoutMillis) throws IOException {
		Socket socket = new Socket(host, port);
		try {
			socket.setSoTimeout(timeoutMillis);
			sendHello(socket, Frame.Hello.VERSION);
			int version = readHello(socket);
			if (version != Frame.Hello.VERSION) {
				throw new IOException("the node speaks wire protocol version " + version);
			}
			return socket;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	/** Sends a Hello of the given version. */
	public static void sendHello(Socket socket, int version) throws IOException {
		write(socket, encode(new Frame.Hello(version)));
	}

	/**
	 * @return the version of the Hello the node sent
	 * @throws IOException if its next frame is not a Hello
	 */
	public static int readHello(Socket socket) throws IOException {
		Frame frame = receive(socket);
		if (!(frame instanceof Frame.Hello hello)) {
			throw new IOException("expected a Hello, received a " + frame.type() + " frame");
		}
		return hello.version();
	}

	/** @return the frame, with its length prefix */
	/**
	 * @return whether the node closed the connection (a read ends or fails) rather than leaving it
	 * open until the socket's read timeout
	 */
	public static boolean closedByPeer(Socket socket) throws IOException {
		try {
			return socket.getInputStream().read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	static byte[] encode(Frame frame) {
		ByteBuf buffer = WIRE.encode(ByteBufAllocator.DEFAULT, frame);
		try {
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			return bytes;
		}
		finally {
			buffer.release();
		}
	}

	static void send(Socket socket, Frame frame) throws IOException {
		write(socket, encode(frame));
	}

	/** @return the next frame the node sent, its payload a tree */
	static Frame receive(Socket socket) throws IOException {
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] frame = new byte[in.readInt()];
		in.readFully(frame);
		return WIRE.decode(Unpooled.wrappedBuffer(frame));
	}

	private static void write(Socket socket, byte[] bytes) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(bytes);
		out.flush();
	}

}
