package com.ventusvault.schema.composition;

/**
 * The stable codes a {@link CompositionError} carries. Names follow Apollo's composition error codes, so a message
 * from this composer can be looked up in Apollo's documentation.
 */
public enum CompositionErrorCode {
    /** The SDL does not parse, or is not a valid type system document (duplicate names, bad root types). */
    INVALID_GRAPHQL,
    /** Two subgraphs share a name, or a name/URL is unusable. */
    INVALID_SUBGRAPH_NAME,
    /** A type referenced by a field, argument, union or interface is not defined in that subgraph. */
    UNKNOWN_TYPE,
    /** A directive is used but neither imported through {@code @link} nor defined; or an import names no federation directive. */
    UNKNOWN_FEDERATION_DIRECTIVE,
    /** A federation directive is used with invalid arguments or at a wrong location. */
    INVALID_FEDERATION_DIRECTIVE_USAGE,
    /** The same type name is an object in one subgraph and an interface (or another kind) in another. */
    TYPE_KIND_MISMATCH,
    /** A type exists only as {@code extend type} in every subgraph defining it. */
    EXTENSION_WITH_NO_BASE,
    /** A field's type in one subgraph is incompatible with its type in another. */
    FIELD_TYPE_MISMATCH,
    /** An argument's type differs incompatibly between subgraphs. */
    FIELD_ARGUMENT_TYPE_MISMATCH,
    /** An argument has different default values in different subgraphs. */
    FIELD_ARGUMENT_DEFAULT_MISMATCH,
    /** A required argument is missing from some subgraph defining the field. */
    REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH,
    /** An @external field's type is incompatible with the type the resolving subgraphs declare. */
    EXTERNAL_TYPE_MISMATCH,
    /** A non-shareable field is resolved by more than one subgraph. */
    INVALID_FIELD_SHARING,
    /** {@code @key(fields:)} does not parse or selects an unknown field. */
    KEY_INVALID_FIELDS,
    /** {@code @key(fields:)} selects a field of list, interface or union type. */
    KEY_FIELDS_SELECT_INVALID_TYPE,
    /** {@code @key(fields:)} selects a field that takes arguments. */
    KEY_FIELDS_HAS_ARGS,
    /** {@code @requires(fields:)} does not parse or selects an unknown field. */
    REQUIRES_INVALID_FIELDS,
    /** {@code @requires(fields:)} selects a field not marked @external in that subgraph. */
    REQUIRES_FIELDS_MISSING_EXTERNAL,
    /** {@code @provides(fields:)} does not parse or selects an unknown field. */
    PROVIDES_INVALID_FIELDS,
    /** {@code @provides(fields:)} selects a field not marked @external in that subgraph. */
    PROVIDES_FIELDS_MISSING_EXTERNAL,
    /** {@code @provides} is used on a field whose type is not an object, interface or union. */
    PROVIDES_ON_NON_OBJECT_FIELD,
    /** A field is @external in a subgraph, but no other subgraph resolves it. */
    EXTERNAL_MISSING_ON_BASE,
    /** A field is @external but no @key, @requires or @provides of its subgraph uses it. */
    EXTERNAL_UNUSED,
    /** {@code @override(from:)} names the subgraph it is used in. */
    OVERRIDE_FROM_SELF_ERROR,
    /** {@code @override} is combined with @external, or the overridden field has @requires or @provides. */
    OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE,
    /** The subgraph named by {@code @override(from:)} itself overrides the field. */
    OVERRIDE_SOURCE_HAS_OVERRIDE,
    /** {@code @override} is used on an interface field. */
    OVERRIDE_ON_INTERFACE,
    /** An enum used as both input and output has different values in different subgraphs. */
    ENUM_VALUE_MISMATCH,
    /** An input-only enum has no value common to all subgraphs defining it. */
    EMPTY_MERGED_ENUM_TYPE,
    /** An input object has no field common to all subgraphs defining it. */
    EMPTY_MERGED_INPUT_TYPE,
    /** A non-null input field without default is missing from some subgraph defining the input type. */
    REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH,
    /** An input field has different default values in different subgraphs. */
    INPUT_FIELD_DEFAULT_MISMATCH,
    /** An object type does not define a field of an interface it implements. */
    INTERFACE_FIELD_NO_IMPLEM,
    /** The same root kind uses conflicting names, or {@code Query} is used for something else. */
    ROOT_TYPE_CONFLICT,
    /** No subgraph defines a query field. */
    NO_QUERIES,
    /** A field cannot be reached: only subgraphs that have no root path and no resolvable @key for its type resolve it. */
    SATISFIABILITY_ERROR
}
