package io.mgp.pipeline.docs;

import io.mgp.pipeline.PipelineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SetPropertyDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * The API's endpoints and the crawl's routes as Camel reads them from the route files, never started: what the docs
 * show of the flow before bronze. A crawl route is one that names the bronze table it fetches for (the exchange
 * property {@code table}) and the request it makes ({@code request}); the request's path is the endpoint it reads.
 */
public record FlowRoutes(List<Endpoint> endpoints, List<CrawlRoute> crawlRoutes) {

    /** A GET endpoint of the API: its path, its query parameters, and the route and bean method answering it. */
    public record Endpoint(String path, List<Parameter> parameters, String route, String answeredBy) {
    }

    public record Parameter(String name, String type, boolean required) {
    }

    /**
     * A route of the crawl: what it is started from, the endpoint it requests, the bronze table its answers go to,
     * and the routes it hands each item of the answer to.
     */
    public record CrawlRoute(String id, String from, String endpoint, String table, List<String> calls) {
    }

    /** Reads the route files (as {@code classpath:routes/api.yaml}) into a Camel context that is never started. */
    public static FlowRoutes load(List<String> routeFiles) {
        try (DefaultCamelContext context = new DefaultCamelContext(false)) {
            context.build();
            for (String file : routeFiles) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, file));
            }
            return of(context);
        } catch (Exception e) {
            throw new PipelineException("cannot read the route files " + routeFiles + ": " + PipelineException.firstLine(e), e);
        }
    }

    /** The endpoints and crawl routes of a context's definitions. */
    public static FlowRoutes of(ModelCamelContext context) {
        Map<String, RouteDefinition> byInput = context.getRouteDefinitions().stream()
                .collect(Collectors.toMap(route -> route.getInput().getUri(), Function.identity(), (a, b) -> a));
        List<Endpoint> endpoints = new ArrayList<>();
        for (RestDefinition rest : context.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if ("get".equals(verb.asVerb()) && !"/".equals(verb.getPath())) {
                    endpoints.add(endpoint(verb, answering(verb, byInput)));
                }
            }
        }
        List<CrawlRoute> crawlRoutes = new ArrayList<>();
        for (RouteDefinition route : context.getRouteDefinitions()) {
            Optional<String> table = property(route, "table");
            Optional<String> request = property(route, "request");
            if (table.isPresent() && request.isPresent()) {
                List<String> calls = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class).stream()
                        .map(to -> byInput.get(to.getUri())).filter(called -> called != null && property(called, "table").isPresent())
                        .map(RouteDefinition::getId).toList();
                crawlRoutes.add(new CrawlRoute(route.getId(), route.getInput().getUri(), "/" + request.get().split("\\?", 2)[0],
                        table.get(), calls));
            }
        }
        return new FlowRoutes(List.copyOf(endpoints), List.copyOf(crawlRoutes));
    }

    /** The route a verb goes to: from its {@code to}, or, as Camel inlines it into the REST route, from the verb itself. */
    private static Optional<RouteDefinition> answering(VerbDefinition verb, Map<String, RouteDefinition> byInput) {
        return Optional.ofNullable(verb.getTo()).map(to -> byInput.get(to.getUri())).or(() -> byInput.entrySet().stream()
                .filter(input -> input.getKey().replaceFirst("\\?.*", "").equals("rest:get:" + verb.getPath()))
                .map(Map.Entry::getValue).findFirst());
    }

    private static Endpoint endpoint(VerbDefinition verb, Optional<RouteDefinition> route) {
        List<Parameter> parameters = verb.getParams() == null ? List.of() : verb.getParams().stream()
                .map(FlowRoutes::parameter).toList();
        String method = route.map(r -> ProcessorDefinitionHelper.filterTypeInOutputs(r.getOutputs(), BeanDefinition.class))
                .flatMap(beans -> beans.stream().findFirst()).map(bean -> bean.getRef() + "." + bean.getMethod()).orElse(null);
        return new Endpoint(verb.getPath(), parameters, route.map(RouteDefinition::getId).orElse(null), method);
    }

    private static Parameter parameter(ParamDefinition param) {
        return new Parameter(param.getName(), param.getType() == null ? "path" : param.getType().name(), Boolean.TRUE.equals(param.getRequired()));
    }

    /** The text a route sets an exchange property to, first occurrence, anywhere in its steps. */
    private static Optional<String> property(RouteDefinition route, String name) {
        Collection<SetPropertyDefinition> sets = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), SetPropertyDefinition.class);
        return sets.stream().filter(set -> name.equals(set.getName())).findFirst().map(set -> set.getExpression().getExpression());
    }

    /** The crawl route requesting an endpoint, if any. */
    public Optional<CrawlRoute> requesting(String endpoint) {
        return crawlRoutes.stream().filter(route -> route.endpoint().equals(endpoint)).findFirst();
    }

    /** The crawl route writing a bronze table, if any. */
    public Optional<CrawlRoute> writing(String table) {
        return crawlRoutes.stream().filter(route -> route.table().equals(table)).findFirst();
    }
}
