package com.ventusvault.schema.composition.subgraph;

/** One value of an enum type in one subgraph. */
public record EnumValueDef(String name, String description, Annotations annotations) {
}
