package com.ventusvault.gateway.planning;

import com.ventusvault.gateway.planning.PlanNode.Condition;
import com.ventusvault.gateway.planning.PlanNode.Fetch;
import com.ventusvault.gateway.planning.PlanNode.Flatten;
import com.ventusvault.gateway.planning.PlanNode.Parallel;
import com.ventusvault.gateway.planning.PlanNode.RequiredField;
import com.ventusvault.gateway.planning.PlanNode.RequiredFragment;
import com.ventusvault.gateway.planning.PlanNode.Sequence;
import com.ventusvault.gateway.planning.PlanNode.Subscription;

import java.util.List;

/**
 * Prints a plan as stable, readable text in the style of Apollo's query plans, for golden tests and the
 * {@code X-Ventus-Plan} debugging header:
 * <pre>
 * QueryPlan {
 *   Sequence {
 *     Fetch(service: "accounts") {
 *       {me{__typename id}}
 *     },
 *     Flatten(path: "me") {
 *       Fetch(service: "payments") {
 *         {... on User{__typename id}} =&gt;
 *         {... on User{wallets{id}}}
 *       },
 *     },
 *   },
 * }
 * </pre>
 * A subscription prints as {@code Subscription { Primary: { Fetch(...) }, Rest: { ... } }}.
 */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static String print(QueryPlan plan) {
        StringBuilder out = new StringBuilder("QueryPlan {\n");
        if (plan.node() != null) {
            print(plan.node(), 1, out);
        }
        return out.append("}\n").toString();
    }

    private static void print(PlanNode node, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        switch (node) {
            case Fetch fetch -> {
                out.append(indent).append("Fetch(service: \"").append(fetch.serviceName()).append("\") {\n");
                if (fetch.isEntityFetch()) {
                    out.append(indent).append("  ").append(requires(fetch.requires())).append(" =>\n");
                }
                out.append(indent).append("  ").append(fetch.selection()).append('\n');
                out.append(indent).append("},\n");
            }
            case Sequence sequence -> block("Sequence", sequence.nodes(), depth, out);
            case Parallel parallel -> block("Parallel", parallel.nodes(), depth, out);
            case Flatten flatten -> {
                out.append(indent).append("Flatten(path: \"").append(String.join(".", flatten.path()))
                        .append("\") {\n");
                print(flatten.node(), depth + 1, out);
                out.append(indent).append("},\n");
            }
            case Subscription subscription -> {
                out.append(indent).append("Subscription {\n");
                out.append(indent).append("  Primary: {\n");
                print(subscription.primary(), depth + 2, out);
                out.append(indent).append("  },\n");
                if (subscription.rest() != null) {
                    out.append(indent).append("  Rest: {\n");
                    print(subscription.rest(), depth + 2, out);
                    out.append(indent).append("  },\n");
                }
                out.append(indent).append("},\n");
            }
            case Condition condition -> {
                if (condition.elseClause() == null) {
                    block("Include(if: $" + condition.variable() + ")", List.of(condition.ifClause()), depth, out);
                } else if (condition.ifClause() == null) {
                    block("Skip(if: $" + condition.variable() + ")", List.of(condition.elseClause()), depth, out);
                } else {
                    out.append(indent).append("Condition(if: $").append(condition.variable()).append(") {\n");
                    print(condition.ifClause(), depth + 1, out);
                    out.append(indent).append("} Else {\n");
                    print(condition.elseClause(), depth + 1, out);
                    out.append(indent).append("},\n");
                }
            }
        }
    }

    private static void block(String name, List<PlanNode> nodes, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        out.append(indent).append(name).append(" {\n");
        nodes.forEach(n -> print(n, depth + 1, out));
        out.append(indent).append("},\n");
    }

    private static String requires(List<RequiredFragment> fragments) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < fragments.size(); i++) {
            out.append(i == 0 ? "" : " ").append("... on ").append(fragments.get(i).typeCondition());
            fields(fragments.get(i).fields(), out);
        }
        return out.append('}').toString();
    }

    private static void fields(List<RequiredField> fields, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            RequiredField field = fields.get(i);
            out.append(i == 0 ? "" : " ").append(field.isFragment() ? "... on " + field.typeCondition()
                    : field.name());
            if (!fields.get(i).selections().isEmpty()) {
                fields(fields.get(i).selections(), out);
            }
        }
        out.append('}');
    }
}
