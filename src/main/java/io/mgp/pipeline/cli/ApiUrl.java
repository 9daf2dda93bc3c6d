package io.mgp.pipeline.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** An {@code --api-url}: an absolute http(s) URL, kept without a trailing slash. */
final class ApiUrl {

    private ApiUrl() {
    }

    static String check(CommandLine command, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "expected http://host[:port]");
            }
        } catch (URISyntaxException e) {
            throw new ParameterException(command, "--api-url is not an http URL: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
