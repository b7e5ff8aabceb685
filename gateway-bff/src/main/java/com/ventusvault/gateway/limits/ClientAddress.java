package com.ventusvault.gateway.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client's IP for its rate-limit bucket: the TCP peer, unless the peer is a trusted proxy
 * ({@code gateway.limits.trusted-proxies}, CIDR blocks), in which case the last {@code X-Forwarded-For} hop that is
 * not itself a trusted proxy. A client cannot pick its bucket by sending {@code X-Forwarded-For} itself: from an
 * untrusted peer the header is ignored, and through a proxy only the hop the proxy appended counts.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> trusted;

    ClientAddress(List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : trustedProxies) {
            blocks.add(block(cidr));
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The client's address as text; {@code "unknown"} when the peer is unknown (all such requests share a bucket). */
    String resolve(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer) || forwardedFor.isEmpty()) {
            return peer.getHostAddress();
        }
        List<String> hops = forwardedFor.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return peer.getHostAddress(); // a proxy we trust wrote garbage: do not guess
            }
            if (i == 0 || !trusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        byte[] bytes = address.getAddress();
        return trusted.stream().anyMatch(block -> block.contains(bytes));
    }

    private static Block block(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        InetAddress network = literal(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("gateway.limits.trusted-proxies: not an IP address: " + cidr);
        }
        int max = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = parts.length == 1 ? max : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gateway.limits.trusted-proxies: not a prefix length: " + cidr);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("gateway.limits.trusted-proxies: prefix out of range: " + cidr);
        }
        return new Block(network.getAddress(), prefix);
    }

    /** An IP literal as an address, never a DNS lookup; null when the text is not one. */
    private static InetAddress literal(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
