package io.mgp.pipeline.crawl;

/** The API's answer is not JSON, typically cut short or empty: worth asking again. */
public final class UnparseableAnswerException extends RuntimeException {

    public UnparseableAnswerException(String url, String problem, Throwable cause) {
        super("the answer from " + url + " is not valid JSON: " + problem, cause);
    }
}
