package io.mgp.pipeline.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;

/**
 * Camel's Micrometer route policy on the API's routes only, the Rest DSL ones (each endpoint's route is inlined into
 * its rest route, named after it): the server side's requests and answer times per endpoint,
 * {@code camel_exchanges_total{routeId="events"}} and {@code camel_route_policy_seconds{routeId="events"}}.
 * Camel's own (camel.metrics.enable-route-policy) would time every route an exchange enters, the crawl's too,
 * at two {@code String.format} per route and exchange: about a twentieth of a run's CPU.
 */
public final class ApiRouteMetrics extends MicrometerRoutePolicyFactory {

    private ApiRouteMetrics(MeterRegistry registry) {
        setMeterRegistry(registry);
        MicrometerRoutePolicyConfiguration configuration = new MicrometerRoutePolicyConfiguration();
        // the context-wide meters would count every exchange of every route again
        configuration.setContextEnabled(false);
        setPolicyConfiguration(configuration);
    }

    /** Times the API's routes, into the Prometheus registry camel-micrometer-prometheus bound, if metrics are on. */
    public static void install(CamelContext context) throws Exception {
        MeterRegistry scraped = MicrometerUtils.getMeterRegistryFromCamelRegistry(
                context.getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME);
        if (scraped != null) {
            ApiRouteMetrics factory = new ApiRouteMetrics(scraped);
            context.addService(factory);
            context.addRoutePolicyFactory(factory);
        }
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        boolean rest = route instanceof RouteDefinition definition && Boolean.TRUE.equals(definition.isRest());
        return rest ? super.createRoutePolicy(context, routeId, route) : null;
    }
}
