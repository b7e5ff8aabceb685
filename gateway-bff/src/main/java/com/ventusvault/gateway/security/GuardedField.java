package com.ventusvault.gateway.security;

import com.ventusvault.gateway.supergraph.AccessRequirement;
import graphql.schema.GraphQLOutputType;

import java.util.List;

/**
 * One place in an operation where a field with an access rule is selected.
 *
 * @param address     where the field sits in the document: {@code o/<i>/<j>...} in the operation or
 *                    {@code f:<fragment>/<i>...} in a named fragment (selection indexes), so the same field can be
 *                    removed from any parse of the same text
 * @param coordinate  {@code Type.field}, for messages
 * @param path        the response keys from the root to the field, with each field's type and the type it was
 *                    selected on
 * @param requirement what the caller must have to see it
 */
record GuardedField(String address, String coordinate, List<Segment> path, AccessRequirement requirement) {

    /**
     * One field along a response path.
     *
     * @param key        the response key (alias or name)
     * @param type       the field's type (lists and non-null wrappers included)
     * @param objectType the object type the field was selected on, or null when selected on an interface or union
     */
    record Segment(String key, GraphQLOutputType type, String objectType) {
    }

    GuardedField {
        path = List.copyOf(path);
    }
}
