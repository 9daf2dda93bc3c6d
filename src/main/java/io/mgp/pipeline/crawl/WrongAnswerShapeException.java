package io.mgp.pipeline.crawl;

/** The API answered JSON, but not of the shape its endpoint promises: asking again would not help. */
public final class WrongAnswerShapeException extends RuntimeException {

    public WrongAnswerShapeException(String url, String problem) {
        super("the answer from " + url + " has the wrong shape: " + problem);
    }
}
