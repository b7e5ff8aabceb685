package com.ventusvault.benchmarks.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The load harnesses' arguments: {@code --name value} pairs, in order. */
public final class CommandLine {

    private CommandLine() {
    }

    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
