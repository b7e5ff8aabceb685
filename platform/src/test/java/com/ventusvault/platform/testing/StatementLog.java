package com.ventusvault.platform.testing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Records the SQL of every statement the app creates, by wrapping the R2DBC {@link ConnectionFactory} (the driver,
 * a boundary we do not own) in a recording proxy. Import it into a subgraph test to count queries (N+1 checks).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Bean
    public static BeanPostProcessor statementRecorder(StatementLog log) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ConnectionFactory factory ? log.recording(factory) : bean;
            }
        };
    }

    /** Forgets what was recorded, e.g. the statements of a test's setup. */
    public void clear() {
        statements.clear();
    }

    /** The statements recorded so far whose SQL contains {@code fragment}. */
    public List<String> containing(String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).toList();
    }

    private Object recording(ConnectionFactory factory) {
        return proxy(factory, (method, args) -> {
            Object result = invoke(factory, method, args);
            return method.getName().equals("create") && method.getParameterCount() == 0
                    ? Mono.from((Publisher<?>) result).map(connection -> recording((Connection) connection))
                    : result;
        });
    }

    private Object recording(Connection connection) {
        return proxy(connection, (method, args) -> {
            if (method.getName().equals("createStatement") && args != null && args.length == 1) {
                statements.add(String.valueOf(args[0]));
            }
            return invoke(connection, method, args);
        });
    }

    private static Object proxy(Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.on(method, args);
        return Proxy.newProxyInstance(target.getClass().getClassLoader(), ClassUtils.getAllInterfaces(target), handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }
}
