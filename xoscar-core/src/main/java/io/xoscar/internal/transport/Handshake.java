package io.xoscar.internal.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The messages of the token handshake that opens every connection of a node with a token, before any
 * frame. Each message is {@link #MAGIC}, {@link #VERSION}, a kind byte and a body of fixed or
 * bounded size:
 * <ul>
 * <li>challenge (server): its nonce, its address (a two-byte length and UTF-8, at most
 * {@link #MAX_ADDRESS_BYTES})</li>
 * <li>response (client): its nonce, its address, its proof</li>
 * <li>accept (server): its proof</li>
 * <li>reject (server): a one-byte code</li>
 * </ul>
 * A proof is HMAC-SHA256 keyed with the token over the side's label, both nonces and both addresses:
 * the token never crosses the wire, a recorded response does not answer a fresh nonce, and the
 * labels keep a proof of one side from passing as the other's. The magic's first byte has its high
 * bit set, so no frame (whose first four bytes are a non-negative length) is taken for a handshake or
 * the other way round.
 */
final class Handshake {

	static final byte[] MAGIC = { (byte) 0xE8, 'X', 'A', 'H' };

	static final int VERSION = 1;

	static final int CHALLENGE = 1;

	static final int RESPONSE = 2;

	static final int ACCEPT = 3;

	static final int REJECT = 4;

	/** The only reject code so far: the client's proof is wrong. */
	static final int REJECT_BAD_PROOF = 1;

	static final int NONCE_BYTES = 32;

	static final int PROOF_BYTES = 32;

	static final int MAX_ADDRESS_BYTES = 255;

	private static final int HEADER_BYTES = MAGIC.length + 2;

	/** The largest message: a response with the longest address. */
	static final int MAX_MESSAGE_BYTES = HEADER_BYTES + NONCE_BYTES + 2 + MAX_ADDRESS_BYTES + PROOF_BYTES;

	private static final byte[] CLIENT_LABEL = "xoscar handshake 1: client".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SERVER_LABEL = "xoscar handshake 1: server".getBytes(StandardCharsets.US_ASCII);

	/** Sent to the connection's handlers after it: the peer is authenticated. */
	static final Object AUTHENTICATED = new Object() {

		@Override
		public String toString() {
			return "xoscar handshake done";
		}

	};

	private Handshake() {
	}

	/** A handshake message read from the wire. */
	record Message(int kind, byte[] nonce, byte[] address, byte[] proof, int code) {
	}

	/** What the peer sent is no handshake message of the kind expected. */
	static final class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * @param in what arrived, from the message's first byte
	 * @return whether the bytes there could be, or start, a handshake message
	 */
	static boolean startsWithMagic(ByteBuf in) {
		int count = Math.min(in.readableBytes(), MAGIC.length);
		for (int i = 0; i < count; i++) {
			if (in.getByte(in.readerIndex() + i) != MAGIC[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads one message of the kind expected, if all of it has arrived.
	 * @param in what arrived; its reader index moves past the message when one is returned
	 * @param expected the kinds accepted here
	 * @return the message, or {@code null} if more bytes are needed
	 * @throws Malformed if the bytes are not such a message
	 */
	static Message read(ByteBuf in, int... expected) {
		if (!startsWithMagic(in)) {
			throw new Malformed("it did not start with the handshake");
		}
		int start = in.readerIndex();
		if (in.readableBytes() < HEADER_BYTES) {
			return null;
		}
		int version = in.getUnsignedByte(start + MAGIC.length);
		if (version != VERSION) {
			throw new Malformed("it speaks handshake version " + version + ", this node speaks " + VERSION);
		}
		int kind = in.getUnsignedByte(start + MAGIC.length + 1);
		if (!contains(expected, kind)) {
			throw new Malformed("it sent handshake message " + kind + " out of turn");
		}
		int at = start + HEADER_BYTES;
		int length = bodyLength(in, kind, at);
		if (length < 0 || in.readableBytes() < HEADER_BYTES + length) {
			return null;
		}
		Message message = switch (kind) {
			case CHALLENGE -> new Message(kind, bytes(in, at, NONCE_BYTES), address(in, at + NONCE_BYTES), null, 0);
			case RESPONSE -> {
				byte[] address = address(in, at + NONCE_BYTES);
				yield new Message(kind, bytes(in, at, NONCE_BYTES), address,
						bytes(in, at + NONCE_BYTES + 2 + address.length, PROOF_BYTES), 0);
			}
			case ACCEPT -> new Message(kind, null, null, bytes(in, at, PROOF_BYTES), 0);
			default -> new Message(kind, null, null, null, in.getUnsignedByte(at));
		};
		in.readerIndex(start + HEADER_BYTES + length);
		return message;
	}

	/** @return the body's length, or -1 if it is not known yet */
	private static int bodyLength(ByteBuf in, int kind, int at) {
		return switch (kind) {
			case CHALLENGE, RESPONSE -> {
				if (in.writerIndex() < at + NONCE_BYTES + 2) {
					yield -1;
				}
				int address = in.getUnsignedShort(at + NONCE_BYTES);
				if (address > MAX_ADDRESS_BYTES) {
					throw new Malformed("it sent a handshake address of " + address + " bytes (at most "
							+ MAX_ADDRESS_BYTES + ")");
				}
				yield NONCE_BYTES + 2 + address + ((kind == RESPONSE) ? PROOF_BYTES : 0);
			}
			case ACCEPT -> PROOF_BYTES;
			default -> 1;
		};
	}

	private static boolean contains(int[] kinds, int kind) {
		for (int each : kinds) {
			if (each == kind) {
				return true;
			}
		}
		return false;
	}

	private static byte[] bytes(ByteBuf in, int at, int count) {
		byte[] bytes = new byte[count];
		in.getBytes(at, bytes);
		return bytes;
	}

	private static byte[] address(ByteBuf in, int at) {
		return bytes(in, at + 2, in.getUnsignedShort(at));
	}

	/** @return a node address as the handshake carries it, cut to the most it carries */
	static byte[] address(String address) {
		byte[] bytes = address.getBytes(StandardCharsets.UTF_8);
		return (bytes.length <= MAX_ADDRESS_BYTES) ? bytes : java.util.Arrays.copyOf(bytes, MAX_ADDRESS_BYTES);
	}

	static ByteBuf challenge(ByteBufAllocator allocator, byte[] nonce, byte[] address) {
		return header(allocator, CHALLENGE).writeBytes(nonce).writeShort(address.length).writeBytes(address);
	}

	static ByteBuf response(ByteBufAllocator allocator, byte[] nonce, byte[] address, byte[] proof) {
		return header(allocator, RESPONSE).writeBytes(nonce)
			.writeShort(address.length)
			.writeBytes(address)
			.writeBytes(proof);
	}

	static ByteBuf accept(ByteBufAllocator allocator, byte[] proof) {
		return header(allocator, ACCEPT).writeBytes(proof);
	}

	static ByteBuf reject(ByteBufAllocator allocator, int code) {
		return header(allocator, REJECT).writeByte(code);
	}

	private static ByteBuf header(ByteBufAllocator allocator, int kind) {
		return allocator.buffer(MAX_MESSAGE_BYTES).writeBytes(MAGIC).writeByte(VERSION).writeByte(kind);
	}

	/** What both sides prove over: the nonces and addresses of one connection's handshake. */
	record Transcript(byte[] serverNonce, byte[] serverAddress, byte[] clientNonce, byte[] clientAddress) {

		byte[] clientProof(SecretKeySpec key) {
			return proof(key, CLIENT_LABEL);
		}

		byte[] serverProof(SecretKeySpec key) {
			return proof(key, SERVER_LABEL);
		}

		private byte[] proof(SecretKeySpec key, byte[] label) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				mac.update(label);
				mac.update(this.serverNonce);
				mac.update(this.clientNonce);
				lengthAndBytes(mac, this.serverAddress);
				lengthAndBytes(mac, this.clientAddress);
				return mac.doFinal();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available", ex);
			}
		}

		private static void lengthAndBytes(Mac mac, byte[] bytes) {
			mac.update((byte) (bytes.length >>> 8));
			mac.update((byte) bytes.length);
			mac.update(bytes);
		}

	}

	/** @return whether a proof received is the one expected, in time independent of where they differ */
	static boolean matches(byte[] expected, byte[] received) {
		return MessageDigest.isEqual(expected, received);
	}

	static SecretKeySpec key(String token) {
		return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
