/**
 * The supergraph stage: reads a composed Federation 2 supergraph SDL (join spec v0.3 to v0.5) into an
 * immutable model of subgraphs, types and per-subgraph field ownership, and derives the API schema
 * clients see. Everything downstream (planning, execution, transport) reads only this model.
 */
package com.ventusvault.gateway.supergraph;
