package com.buildnest.shared;

/**
 * A service the shop relies on (the payment gateway, say) did not answer, or not well enough to act
 * on: nothing is wrong with the request, and the same request may well work in a minute. The
 * exceptions that mean this implement it, whichever module raises them, so that the pages can say so
 * (503 Service Unavailable, with what is down) without knowing each module's exception. How an API
 * answers stays with the module that raises it; this says nothing about HTTP.
 */
public interface DependencyUnavailable {

    /** What did not answer, for people, as the start of a sentence: "The payment gateway". */
    String dependency();
}
