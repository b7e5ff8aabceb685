package com.ventusvault.gateway.supergraph;

/** A supergraph that cannot be read or used; the message names what is wrong and where. */
public class SupergraphException extends RuntimeException {

    public SupergraphException(String message) {
        super(message);
    }

    public SupergraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
