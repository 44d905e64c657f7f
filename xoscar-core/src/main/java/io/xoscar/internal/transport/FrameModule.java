package io.xoscar.internal.transport;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.reactivestreams.Publisher;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Registers the {@link FrameCodec}, and refuses values that cannot cross to another process.
 */
final class FrameModule extends SimpleModule {

	FrameModule() {
		super("xoscar-frames");
		addSerializer(Frame.class, new FrameCodec.Writer());
		addDeserializer(Frame.class, new FrameCodec.Reader());
		addSerializer(Publisher.class, new NotAValue<>(Publisher.class, "a reactive stream"));
		addSerializer(CompletionStage.class, new NotAValue<>(CompletionStage.class, "a future"));
		addSerializer(Future.class, new NotAValue<>(Future.class, "a future"));
	}

	/**
	 * Refuses what is not data but a handle on something still going on in this process: a bean
	 * serializer would write some of its getters and the receiver could not rebuild it.
	 */
	private static final class NotAValue<T> extends StdSerializer<T> {

		private final String what;

		NotAValue(Class<T> type, String what) {
			super(type);
			this.what = what;
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			throw new IllegalArgumentException(value.getClass().getName() + " is " + this.what + " (" + handledType().getName()
					+ "), not a value: it cannot cross to another process; send what it produces instead");
		}

	}

}
