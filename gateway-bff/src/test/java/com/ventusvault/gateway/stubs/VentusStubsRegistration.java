package com.ventusvault.gateway.stubs;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Points a test class's gateway at its stubs: a class that declares
 * {@code @RegisterExtension static final VentusStubs STUBS = new VentusStubs();} gets the stubs'
 * {@link VentusStubs#gatewayProperties() properties} in its Spring test context, as a {@code @DynamicPropertySource}
 * calling the stubs would add them. Registered in {@code META-INF/spring.factories}.
 *
 * <p>The customizer is keyed by the field, so each such class keeps a context of its own, as it had with its own
 * {@code @DynamicPropertySource} method: a cached context holds the URLs of one class's stubs, which are closed after
 * that class's last test. A class that points the gateway elsewhere (a subgraph down, keys unavailable) holds its
 * stubs in a plain static field and registers what it wants itself.
 */
final class VentusStubsRegistration implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        List<Field> fields = new ArrayList<>();
        ReflectionUtils.doWithFields(testClass, fields::add, field -> Modifier.isStatic(field.getModifiers())
                && field.getType() == VentusStubs.class && field.isAnnotationPresent(RegisterExtension.class));
        if (fields.size() > 1) {
            throw new IllegalStateException(testClass.getName() + " registers more than one VentusStubs: " + fields);
        }
        return fields.isEmpty() ? null : new Customizer(fields.getFirst());
    }

    /** Adds the properties of the stubs in {@code stubs} (a static field) ahead of every other property source. */
    private record Customizer(Field stubs) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ReflectionUtils.makeAccessible(stubs);
            VentusStubs value = (VentusStubs) ReflectionUtils.getField(stubs, null);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("ventusStubs", value.gatewayProperties()));
        }
    }
}
