package io.mgp.pipeline.crawl;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.log.Redact;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Whether the API can be reached at all, asked once as the crawl starts: an address where nothing listens fails the
 * run at once, in one line. Retries are for an API that answers and then misbehaves; they would only delay this
 * failure by half a minute.
 */
public final class ApiProbe {

    private static final int TIMEOUT_MILLIS = 2000;

    private final URI api;

    public ApiProbe(String apiUrl) {
        this.api = URI.create(apiUrl);
    }

    /** Opens and closes a connection to the API's host and port, or fails saying why not. */
    public void requireReachable() {
        int port = api.getPort() >= 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(api.getHost(), port), TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new PipelineException("cannot reach the API at " + Redact.url(api.toString()) + ": "
                    + PipelineException.firstLine(e), e);
        }
    }
}
