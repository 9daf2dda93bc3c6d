package io.mgp.pipeline.crawl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.HostnameVerifier;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.LayeredConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Camel's http component, whose TLS is set up by the first https connection rather than as its endpoint starts: Java's
 * default SSL context (its trust store read and parsed) took about 0.15 s of a run's start-up, and a run crawls its own
 * API over plain http. An https API gets the socket factory the component would have made, with its settings.
 */
public class TlsOnDemandHttpComponent extends HttpComponent {

    private volatile TlsOnDemand tls;

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionRegistry(HostnameVerifier hostnameVerifier,
            SSLContextParameters sslContextParameters, boolean useSystemProperties) {
        tls = new TlsOnDemand(() -> (LayeredConnectionSocketFactory) super.createConnectionRegistry(hostnameVerifier,
                sslContextParameters, useSystemProperties).lookup("https"));
        return RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", tls)
                .build();
    }

    /** Whether an endpoint of the component has set up TLS (made its socket factory). */
    boolean isTlsSetUp() {
        return tls != null && tls.isSetUp();
    }

    /** What makes the component's own TLS socket factory. */
    interface TlsFactory {
        LayeredConnectionSocketFactory create() throws GeneralSecurityException, IOException;
    }

    /** The component's TLS socket factory, made at its first use. */
    static final class TlsOnDemand implements LayeredConnectionSocketFactory {

        private final TlsFactory factory;
        private LayeredConnectionSocketFactory tls;

        TlsOnDemand(TlsFactory factory) {
            this.factory = factory;
        }

        /** Whether the TLS socket factory has been made. */
        synchronized boolean isSetUp() {
            return tls != null;
        }

        private synchronized LayeredConnectionSocketFactory tls() throws IOException {
            if (tls == null) {
                try {
                    tls = factory.create();
                } catch (GeneralSecurityException e) {
                    throw new IOException("cannot set up TLS: " + e.getMessage(), e);
                }
            }
            return tls;
        }

        @Override
        public Socket createSocket(HttpContext context) throws IOException {
            return tls().createSocket(context);
        }

        @Override
        public Socket createSocket(Proxy proxy, HttpContext context) throws IOException {
            return tls().createSocket(proxy, context);
        }

        @Override
        public Socket connectSocket(TimeValue connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                InetSocketAddress localAddress, HttpContext context) throws IOException {
            return tls().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
        }

        @Override
        public Socket connectSocket(Socket socket, HttpHost host, InetSocketAddress remoteAddress, InetSocketAddress localAddress,
                Timeout connectTimeout, Object attachment, HttpContext context) throws IOException {
            return tls().connectSocket(socket, host, remoteAddress, localAddress, connectTimeout, attachment, context);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
            return tls().createLayeredSocket(socket, target, port, context);
        }

        @Override
        public Socket createLayeredSocket(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return tls().createLayeredSocket(socket, target, port, attachment, context);
        }
    }
}
