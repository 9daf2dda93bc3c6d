package io.mgp.pipeline.log;

/** Values made fit for a log line, which must never carry a secret. */
public final class Redact {

    private Redact() {
    }

    /** The URL without any {@code user:password@}. */
    public static String url(String url) {
        return url.replaceFirst("//[^/@]*@", "//");
    }
}
