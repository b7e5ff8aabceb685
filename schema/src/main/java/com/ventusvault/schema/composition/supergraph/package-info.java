/** The merged supergraph model: types with their {@code @join__*} metadata, before printing. */
package com.ventusvault.schema.composition.supergraph;
