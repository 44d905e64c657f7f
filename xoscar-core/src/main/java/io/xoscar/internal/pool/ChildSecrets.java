package io.xoscar.internal.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.TlsConfig;

/**
 * What a process pool's child must get from its parent but nobody else may see (never on its
 * command line or in its environment, where other users' {@code ps} and {@code /proc} show them): the
 * token and the TLS material. Travels as xoscar's part of the child's private input ({@link PoolPrivateInput}), as
 * named entries; the child {@linkplain #applyTo applies} them to its node's configuration. To add a
 * secret: an entry in {@link #of}, its use in {@link #applyTo}. {@link #toString()} shows names only.
 */
public final class ChildSecrets {

	static final String TOKEN = "token";

	/** No secrets. */
	public static final ChildSecrets NONE = new ChildSecrets(Map.of());

	private final Map<String, byte[]> entries;

	private ChildSecrets(Map<String, byte[]> entries) {
		this.entries = entries;
	}

	/**
	 * @param node the parent node's configuration
	 * @param tls the TLS material of the parent's connections now ({@code null} for plaintext)
	 * @return the secrets a process pool's child started now gets
	 */
	public static ChildSecrets of(ActorSystemConfig node, TlsConfig tls) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		if (node.security().token() != null) {
			entries.put(TOKEN, node.security().token().getBytes(StandardCharsets.UTF_8));
		}
		if (tls != null) {
			ChildTls.put(tls, entries);
		}
		return new ChildSecrets(entries);
	}

	/**
	 * Applies the secrets to the child node's configuration.
	 * @param config the child's configuration, from its arguments
	 */
	public void applyTo(ActorSystemConfig.Builder config) {
		byte[] token = this.entries.get(TOKEN);
		if (token != null) {
			config.token(new String(token, StandardCharsets.UTF_8));
		}
		TlsConfig tls = ChildTls.read(this.entries);
		if (tls != null) {
			config.tls(tls);
		}
	}

	byte[] encode() {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(this.entries.size());
			for (Map.Entry<String, byte[]> entry : this.entries.entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(entry.getValue().length);
				out.write(entry.getValue());
			}
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ChildSecrets decode(byte[] encoded) {
		if (encoded.length == 0) {
			return NONE;
		}
		try {
			DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded));
			int count = in.readInt();
			Map<String, byte[]> entries = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				String name = in.readUTF();
				int length = in.readInt();
				if (length < 0 || length > in.available()) {
					throw new IOException("entry " + name + " announces " + length + " bytes");
				}
				entries.put(name, in.readNBytes(length));
			}
			return new ChildSecrets(entries);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The secrets from the parent cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "ChildSecrets" + this.entries.keySet();
	}

}
