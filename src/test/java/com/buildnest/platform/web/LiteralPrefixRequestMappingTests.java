package com.buildnest.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class LiteralPrefixRequestMappingTests {

    @RestController
    @RequestMapping("/shop")
    static class Shelves {
        @GetMapping("/products/{id}")
        String product(@PathVariable long id) {
            return "product";
        }

        @GetMapping("/products/search")
        String search() {
            return "search";
        }

        @GetMapping("/products/{id}/reviews")
        String reviews(@PathVariable long id) {
            return "reviews";
        }

        @PostMapping("/orders/{number}/cancel")
        String cancel(@PathVariable String number) {
            return "cancel";
        }

        @GetMapping(path = "/orders/{number}", produces = MediaType.APPLICATION_PDF_VALUE)
        String invoice(@PathVariable String number) {
            return "invoice";
        }

        @GetMapping("/orders/{number}")
        String order(@PathVariable String number) {
            return "order";
        }
    }

    @RestController
    static class Files {
        @GetMapping("/files/**")
        String file() {
            return "file";
        }

        @GetMapping("/{page}.html")
        String page(@PathVariable String page) {
            return "page";
        }
    }

    private RequestMappingHandlerMapping literal;
    private RequestMappingHandlerMapping spring;

    @BeforeEach
    void mapBothWays() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("shelves", Shelves.class);
        context.registerSingleton("files", Files.class);
        context.refresh();
        literal = initialised(new LiteralPrefixRequestMapping(), context);
        spring = initialised(new RequestMappingHandlerMapping(), context);
    }

    @Test
    void aPathWithAVariableReachesItsHandler() throws Exception {
        assertThat(handler(literal, "GET", "/shop/products/42", "*/*")).isEqualTo("product");
        assertThat(handler(literal, "GET", "/shop/products/42/reviews", "*/*")).isEqualTo("reviews");
    }

    @Test
    void aLiteralPathStillBeatsAPatternThatAlsoMatchesIt() throws Exception {
        assertThat(handler(literal, "GET", "/shop/products/search", "*/*")).isEqualTo("search");
    }

    @Test
    void aPercentEncodedPathIsMatchedAfterDecodingAsSpringDoes() throws Exception {
        assertThat(handler(literal, "GET", "/shop/pr%6Fducts/42", "*/*")).isEqualTo("product");
    }

    @Test
    void patternsStartingWithAVariableOrEndingInAWildcardStillMatch() throws Exception {
        assertThat(handler(literal, "GET", "/files/a/b/c.pdf", "*/*")).isEqualTo("file");
        assertThat(handler(literal, "GET", "/help.html", "*/*")).isEqualTo("page");
    }

    @Test
    void everyRequestReachesTheHandlerSpringsOwnMappingChooses() throws Exception {
        List<String> paths = List.of("/shop/products/42", "/shop/products/search", "/shop/products/42/reviews",
                "/shop/products", "/shop/products/", "/shop/orders/BN-1", "/shop/orders/BN-1/cancel",
                "/shop/pr%6Fducts/7", "/shop/products/7;v=1", "/files/x", "/files", "/a.html", "/nothing/here",
                "/", "/SHOP/products/1", "/shop/productsX/1", "/files/", "/filesX");
        for (String method : List.of("GET", "POST", "DELETE")) {
            for (String accept : List.of("*/*", MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE)) {
                for (String path : paths) {
                    assertThat(handler(literal, method, path, accept))
                            .as("%s %s (Accept %s)", method, path, accept)
                            .isEqualTo(handler(spring, method, path, accept));
                }
            }
        }
    }

    @Test
    void literalStartsAreTheWholeSegmentsBeforeTheFirstVariableOrWildcard() {
        assertThat(LiteralPrefixRequestMapping.literalStart("/api/products/{id}")).isEqualTo("/api/products");
        assertThat(LiteralPrefixRequestMapping.literalStart("/files/**")).isEqualTo("/files");
        assertThat(LiteralPrefixRequestMapping.literalStart("/a/b?c")).isEqualTo("/a");
        assertThat(LiteralPrefixRequestMapping.literalStart("/{page}.html")).isEmpty();
        assertThat(LiteralPrefixRequestMapping.literalStart("/api/cart")).isEqualTo("/api/cart");
    }

    private static RequestMappingHandlerMapping initialised(RequestMappingHandlerMapping mapping,
            StaticWebApplicationContext context) {
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    /** The handler's method name, or the outcome's exception name when there is no handler. */
    private static String handler(RequestMappingHandlerMapping mapping, String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().getName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
