package com.ventusvault.platform.requests;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed: CIDR blocks such as {@code 127.0.0.0/8} or {@code ::1/128}
 * (subgraphs: {@code ventus.http.trusted-proxies}, default loopback, where the gateway runs in the local stack; the
 * gateway: {@code gateway.limits.trusted-proxies}, for the client IP of its rate-limit buckets).
 */
public final class TrustedProxies {

    private record Block(byte[] network, int prefix) {
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses CIDR blocks; a malformed one is an {@link IllegalArgumentException} naming it. */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(TrustedProxies::block).toList());
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(block -> block.network().length == bytes.length
                && samePrefix(block.network(), bytes, block.prefix()));
    }

    /**
     * The client behind {@code peer}: {@code peer} itself unless it is a trusted proxy that sent
     * {@code X-Forwarded-For} (header values as received; entries comma-separated, nearest hop last); then the nearest
     * hop that is not a trusted proxy (or the farthest one, when all are). A malformed entry stops the walk at the
     * last address known good, so a client cannot smuggle a name or junk in.
     *
     * @return the textual IP, or null when there is no peer
     */
    public String clientIp(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return null;
        }
        InetAddress client = peer;
        if (!contains(peer)) {
            return client.getHostAddress();
        }
        List<String> hops = forwardedFor.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0 && contains(client); i--) {
            InetAddress hop = parseLiteral(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
        }
        return client.getHostAddress();
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int total = a.length * 8;
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(total - bits);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }

    private static Block block(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        InetAddress network = parseLiteral(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("Not an IP address in ventus.http.trusted-proxies: " + cidr);
        }
        int max = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = parts.length == 1 ? max : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a prefix length in ventus.http.trusted-proxies: " + cidr);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("Prefix out of range in ventus.http.trusted-proxies: " + cidr);
        }
        return new Block(network.getAddress(), prefix);
    }

    /** An IPv4 or IPv6 literal as an address (never a DNS lookup), or null when the text is not one. */
    public static InetAddress parseLiteral(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
