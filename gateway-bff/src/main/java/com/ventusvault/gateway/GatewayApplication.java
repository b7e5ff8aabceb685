package com.ventusvault.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The VentusVault gateway: a Federation 2 gateway that plans client operations over the supergraph and executes
 * them against the subgraphs. Reads {@code gateway.yml}; can run in one JVM beside the subgraphs (see {@link #builder()}).
 *
 * <p>Besides Spring's {@code --name=value} arguments it accepts the benchmark tools' form
 * {@code --port N --supergraph /path/file.graphql}.
 */
@SpringBootApplication
public class GatewayApplication {

    /** A builder with this app's config name, for the stack launcher and for {@link #main}. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.config.name=gateway");
    }

    public static void main(String[] args) {
        builder().run(translate(args));
    }

    /** Maps {@code --port N} and {@code --supergraph F} (also with {@code =}) to Spring properties. */
    static String[] translate(String[] args) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String property = switch (arg.split("=", 2)[0]) {
                case "--port" -> "server.port";
                case "--supergraph" -> "gateway.supergraph";
                default -> null;
            };
            if (property == null) {
                result.add(arg);
            } else if (arg.contains("=")) {
                result.add("--" + property + "=" + arg.split("=", 2)[1]);
            } else if (i + 1 < args.length) {
                result.add("--" + property + "=" + args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return result.toArray(String[]::new);
    }
}
