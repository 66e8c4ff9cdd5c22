package com.buildnest.platform.security;

import static com.buildnest.platform.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

/** Bearer tokens: only ours, only HS512, only unexpired, only for our audience. */
@BuildNestTest
class AccessRulesTests {

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Test
    void anonymousCallerMustAuthenticateForOwnProfile() {
        Response response = api.get("/api/me");
        assertProblem(response, 401, "auth.unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void customerWithValidTokenSeesOwnProfile() {
        long id = tokens.newCustomer();
        Response response = api.get("/api/me", tokens.validFor(id));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asLong()).isEqualTo(id);
        assertThat(response.json().get("roles")).extracting(r -> r.asString()).containsExactly("CUSTOMER");
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void expiredTokenIsRefused() {
        assertProblem(api.get("/api/me", tokens.expiredFor(tokens.newCustomer())), 401, "auth.unauthenticated");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        assertProblem(api.get("/api/me", tokens.signedWithForeignKey(tokens.newCustomer())), 401,
                "auth.unauthenticated");
    }

    @Test
    void unsignedTokenIsRefused() {
        assertProblem(api.get("/api/me", tokens.unsignedFor(tokens.newCustomer())), 401, "auth.unauthenticated");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertProblem(api.get("/api/me", tokens.forOtherAudience(tokens.newCustomer())), 401,
                "auth.unauthenticated");
    }

    @Test
    void tokenSignedWithAnotherAlgorithmIsRefused() throws Exception {
        assertProblem(api.get("/api/me", tokens.signedWithHs256(tokens.newCustomer())), 401, "auth.unauthenticated");
    }

    @Test
    void tokenThatIsNotAnAccessTokenIsRefused() throws Exception {
        assertProblem(api.get("/api/me", tokens.ofWrongType(tokens.newCustomer())), 401, "auth.unauthenticated");
    }

    @Test
    void tokenNamingAnUnknownKeyIsRefused() throws Exception {
        assertProblem(api.get("/api/me", tokens.withUnknownKeyId(tokens.newCustomer())), 401,
                "auth.unauthenticated");
    }

    @Test
    void tamperedTokenIsRefused() {
        assertProblem(api.get("/api/admin/customers", tokens.tamperedFor(tokens.newCustomer())), 401,
                "auth.unauthenticated");
    }

    @Test
    void garbageInTheAuthorizationHeaderIsRefusedNotAnError() {
        assertProblem(api.get("/api/me", "not-a-jwt"), 401, "auth.unauthenticated");
    }

    @Test
    void tokenOfAnAccountThatNoLongerExistsFindsNothing() {
        assertProblem(api.get("/api/me", tokens.validFor(987_654_321L)), 404, "customer.account-not-found");
    }

    @Test
    void adminAreaIsClosedToCustomersAndOpenToStaff() {
        long customer = tokens.newCustomer();
        assertProblem(api.get("/api/admin/anything", tokens.validFor(customer, Role.CUSTOMER)), 403,
                "auth.forbidden");
        assertProblem(api.get("/api/admin/anything"), 401, "auth.unauthenticated");
        assertProblem(api.get("/api/admin/anything", tokens.validFor(customer, Role.STAFF)), 404,
                "request.not-found");
    }

    @Test
    void socialSignInIsNotFoundWhereNoProviderIsConfigured() {
        assertProblem(api.get("/oauth2/authorization/google"), 404, "request.not-found");
        assertProblem(api.get("/login/oauth2/code/google?code=x&state=y"), 404, "request.not-found");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Response response = api.get("/api/products");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
