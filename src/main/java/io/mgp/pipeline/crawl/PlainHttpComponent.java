package io.mgp.pipeline.crawl;

import javax.net.ssl.HostnameVerifier;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * Camel's {@code http} component for http URLs alone, which sets up no TLS: Camel's own makes an https socket factory
 * for every endpoint, and Java's default SSL context with it (its trust store read and parsed), which took about
 * 0.15 s of every run's start-up on its main thread, though a run crawls its own API over plain http. An https API URL
 * goes through Camel's {@code https} component, a component of its own, as it always has; the crawl follows no
 * redirects, so an http endpoint never turns to https.
 */
public class PlainHttpComponent extends HttpComponent {

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionRegistry(HostnameVerifier hostnameVerifier,
            SSLContextParameters sslContextParameters, boolean useSystemProperties) {
        return RegistryBuilder.<ConnectionSocketFactory>create().register("http", PlainConnectionSocketFactory.getSocketFactory()).build();
    }
}
