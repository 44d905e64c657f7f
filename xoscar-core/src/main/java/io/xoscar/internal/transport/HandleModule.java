package io.xoscar.internal.transport;

import java.util.function.Supplier;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import io.xoscar.AbstractActor;
import io.xoscar.ActorHandle;
import io.xoscar.internal.call.CallRouter;
import io.xoscar.internal.call.DefaultActorHandle;

/**
 * Handles travel as values, {@code [address, uid, actor class name]}, and arrive bound to the
 * receiving node, so an actor can pass a handle to another process and be called back through it.
 * The class name is only loaded when it names an actor class.
 */
final class HandleModule extends SimpleModule {

	HandleModule(Supplier<CallRouter> router) {
		super("xoscar-handles");
		addSerializer(new HandleSerializer());
		addDeserializer(ActorHandle.class, new HandleDeserializer(router));
	}

	@SuppressWarnings("rawtypes")
	private static final class HandleSerializer extends StdSerializer<ActorHandle> {

		HandleSerializer() {
			super(ActorHandle.class);
		}

		@Override
		public void serialize(ActorHandle handle, JsonGenerator generator, SerializationContext context) {
			generator.writeStartArray();
			generator.writeString(handle.address());
			generator.writeString(handle.uid());
			Class<?> type = (handle instanceof DefaultActorHandle<?> known) ? known.declaredClass() : null;
			generator.writeString((type != null) ? type.getName() : null);
			generator.writeEndArray();
		}

	}

	@SuppressWarnings("rawtypes")
	private static final class HandleDeserializer extends StdDeserializer<ActorHandle> {

		private final Supplier<CallRouter> router;

		HandleDeserializer(Supplier<CallRouter> router) {
			super(ActorHandle.class);
			this.router = router;
		}

		@Override
		public ActorHandle deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.START_ARRAY) {
				return (ActorHandle) context.handleUnexpectedToken(ActorHandle.class, parser);
			}
			String address = parser.nextStringValue();
			String uid = parser.nextStringValue();
			String className = parser.nextStringValue();
			if (parser.nextToken() != JsonToken.END_ARRAY || address == null || uid == null) {
				return (ActorHandle) context.handleUnexpectedToken(ActorHandle.class, parser);
			}
			return new DefaultActorHandle<>(address, uid, actorClass(className), this.router.get());
		}

		private static Class<?> actorClass(String name) {
			if (name == null) {
				return null;
			}
			try {
				Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
				return AbstractActor.class.isAssignableFrom(type) ? type : null;
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return null;
			}
		}

	}

}
