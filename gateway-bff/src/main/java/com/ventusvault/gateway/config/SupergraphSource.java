package com.ventusvault.gateway.config;

import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphException;
import com.ventusvault.gateway.supergraph.SupergraphLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads {@code gateway.supergraph}: a {@code classpath:} or {@code file:} location, or a plain file path. */
final class SupergraphSource {

    private SupergraphSource() {
    }

    static Supergraph load(String location, ResourceLoader resources) {
        Resource resource = location.startsWith("classpath:") || location.startsWith("file:")
                ? resources.getResource(location) : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new SupergraphException("gateway.supergraph: no supergraph at '" + location + "'");
        }
        try {
            return new SupergraphLoader().load(resource.getContentAsString(StandardCharsets.UTF_8), location);
        } catch (IOException e) {
            throw new SupergraphException("gateway.supergraph: cannot read '" + location + "': " + e.getMessage(), e);
        }
    }
}
