package io.mgp.pipeline.api;

/** A request the API refuses with 400 and a JSON body naming the problem. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
