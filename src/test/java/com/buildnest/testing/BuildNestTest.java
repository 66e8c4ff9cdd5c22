package com.buildnest.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.buildnest.customer.AccessTokens;

/**
 * The whole application on a random port, against whatever database and cache the environment
 * names (in-memory H2 by default; MariaDB and Redis under .ci/run). Every test class using it
 * shares one Spring context, so keep its configuration identical: no extra properties, no mocks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ApiClient.class, AccessTokens.class, TestMailServer.class })
public @interface BuildNestTest {
}
