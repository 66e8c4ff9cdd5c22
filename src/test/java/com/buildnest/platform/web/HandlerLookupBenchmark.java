package com.buildnest.platform.web;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import com.buildnest.BuildNestApplication;

/**
 * What finding the controller method for a request costs, over BuildNest's own ~95 mappings:
 * the application's {@link LiteralPrefixRequestMapping} against Spring's plain mapping built from
 * the same controllers, for a product page (a path with a variable, which Spring answers by
 * trying every mapping) and a listing (a direct path). Starts the embedded default once in a
 * scratch data directory. Run with {@code ops/bench/jmh.sh HandlerLookup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandlerLookupBenchmark {

    @Param({ "/api/products/12345", "/api/products" })
    public String path;

    private ConfigurableApplicationContext application;
    private RequestMappingHandlerMapping literalPrefix;
    private RequestMappingHandlerMapping springDefault;

    @Setup
    public void startTheApplication() throws Exception {
        application = new SpringApplicationBuilder(BuildNestApplication.class)
                .properties("server.port=0", "management.server.port=",
                        "buildnest.platform.data-dir=" + Files.createTempDirectory("lookup-bench"))
                .run();
        literalPrefix = application.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        if (!(literalPrefix instanceof LiteralPrefixRequestMapping)) {
            throw new IllegalStateException("the application does not route with LiteralPrefixRequestMapping");
        }
        springDefault = new RequestMappingHandlerMapping();
        springDefault.setApplicationContext(application);
        springDefault.setEmbeddedValueResolver(new EmbeddedValueResolver(application.getBeanFactory()));
        springDefault.setContentNegotiationManager(literalPrefix.getContentNegotiationManager());
        springDefault.afterPropertiesSet();
    }

    @TearDown
    public void stopTheApplication() {
        application.close();
    }

    @Benchmark
    public HandlerExecutionChain literalPrefixMapping() throws Exception {
        return literalPrefix.getHandler(request());
    }

    @Benchmark
    public HandlerExecutionChain springDefaultMapping() throws Exception {
        return springDefault.getHandler(request());
    }

    private MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
