package io.xoscar.internal.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * For tests that speak the token handshake over a plain socket, as a node's client side does: reads
 * the node's challenge, answers it with a proof made from the given token, and reads the node's
 * answer.
 */
public final class RawHandshake {

	private RawHandshake() {
	}

	/** What the node answered a response with. */
	public enum Answer {

		/** It accepted the proof and proved it knows the same token. */
		ACCEPTED,

		/** It accepted, but its own proof does not match this token. */
		ACCEPTED_WITH_A_WRONG_PROOF,

		/** It sent the reject code for a wrong proof. */
		REJECTED

	}

	/**
	 * @param socket connected to a node with a token
	 * @param token the token to prove
	 * @param address the address this side claims
	 * @return what the node answered
	 * @throws IOException if the node closed the connection or sent no handshake
	 */
	public static Answer authenticate(Socket socket, String token, String address) throws IOException {
		Handshake.Message challenge = readChallenge(socket);
		byte[] nonce = new byte[Handshake.NONCE_BYTES];
		new SecureRandom().nextBytes(nonce);
		Handshake.Transcript transcript = new Handshake.Transcript(challenge.nonce(), challenge.address(), nonce,
				Handshake.address(address));
		write(socket, Handshake.response(ByteBufAllocator.DEFAULT, nonce, Handshake.address(address),
				transcript.clientProof(Handshake.key(token))));
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] header = new byte[6];
		in.readFully(header);
		if (header[5] == Handshake.REJECT) {
			in.readByte();
			return Answer.REJECTED;
		}
		byte[] proof = new byte[Handshake.PROOF_BYTES];
		in.readFully(proof);
		return Handshake.matches(transcript.serverProof(Handshake.key(token)), proof) ? Answer.ACCEPTED
				: Answer.ACCEPTED_WITH_A_WRONG_PROOF;
	}

	/**
	 * @return the node's challenge (its first bytes on a new connection)
	 * @throws IOException if they are no challenge
	 */
	public static Handshake.Message readChallenge(Socket socket) throws IOException {
		DataInputStream in = new DataInputStream(socket.getInputStream());
		byte[] fixed = new byte[6 + Handshake.NONCE_BYTES + 2];
		in.readFully(fixed);
		int length = ((fixed[fixed.length - 2] & 0xff) << 8) | (fixed[fixed.length - 1] & 0xff);
		byte[] all = new byte[fixed.length + length];
		System.arraycopy(fixed, 0, all, 0, fixed.length);
		in.readFully(all, fixed.length, length);
		Handshake.Message challenge = Handshake.read(Unpooled.wrappedBuffer(all), Handshake.CHALLENGE);
		if (challenge == null) {
			throw new IOException("incomplete challenge");
		}
		return challenge;
	}

	/** @return the magic and version the handshake's messages start with, and the given kind */
	public static byte[] header(int kind) {
		return new byte[] { Handshake.MAGIC[0], Handshake.MAGIC[1], Handshake.MAGIC[2], Handshake.MAGIC[3],
				(byte) Handshake.VERSION, (byte) kind };
	}

	/** @return a frame, with its length prefix, as a node sends it */
	public static byte[] frame(Frame frame) {
		return RawPeer.encode(frame);
	}

	private static void write(Socket socket, ByteBuf buffer) throws IOException {
		try {
			byte[] bytes = new byte[buffer.readableBytes()];
			buffer.readBytes(bytes);
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
		}
		finally {
			buffer.release();
		}
	}

}
