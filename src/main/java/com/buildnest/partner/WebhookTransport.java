package com.buildnest.partner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import com.buildnest.partner.TargetGuard.TargetRefused;

/**
 * Posts one delivery to a partner and tells how it went; never throws. Every connection goes to
 * addresses {@link TargetGuard} approved at that moment (the HTTP client asks it instead of DNS),
 * redirects are not followed, no proxy, cookie or retry is involved, each attempt has a fresh
 * connection, and an attempt is cut off after the connect timeout plus twice the read timeout
 * however slowly a partner drips its answer. Of the answer only the status and the first
 * {@value DeliveryAttempt#MAX_SNIPPET} characters are kept.
 */
@Component
class WebhookTransport implements AutoCloseable {

    static final String USER_AGENT = "BuildNest-Webhooks/1.0";

    private final TargetGuard guard;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final Duration attemptLimit;

    WebhookTransport(PartnerProperties properties) {
        this.guard = TargetGuard.withSystemDns(properties.allowPrivateTargets());
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout read = Timeout.of(properties.readTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDns(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.attemptLimit = properties.connectTimeout().plus(properties.readTimeout().multipliedBy(2));
    }

    /** What came of one attempt. */
    record Outcome(boolean succeeded, Integer statusCode, String error, long durationMillis, String snippet) {

        static Outcome answered(int statusCode, String snippet, long durationMillis) {
            return new Outcome(statusCode >= 200 && statusCode < 300, statusCode, null, durationMillis, snippet);
        }

        static Outcome unanswered(String error, long durationMillis) {
            return new Outcome(false, null, error, durationMillis, null);
        }

        /** The status or the reason, for a log line or the delivery's last result. */
        String summary() {
            return statusCode != null ? "HTTP " + statusCode : error;
        }
    }

    Outcome post(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        URI target;
        try {
            target = guard.checkShape(url); // the rules may have tightened since the subscription was saved
        } catch (TargetRefused refused) {
            return Outcome.unanswered("target-refused", 0);
        }
        HttpPost request = new HttpPost(target);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, attemptLimit.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            String snippet = snippetOf(response.getEntity());
            return Outcome.answered(response.getCode(), snippet, millisSince(started));
        } catch (IOException | RuntimeException failure) {
            return Outcome.unanswered(request.isCancelled() ? "timeout" : errorOf(failure), millisSince(started));
        } finally {
            deadline.cancel(false);
        }
    }

    /** A short, stable name for why no answer came; never a message that might echo a secret. */
    static String errorOf(Exception failure) {
        if (failure instanceof RefusedByGuard) {
            return "target-refused";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown-host";
        }
        if (failure instanceof ConnectTimeoutException || failure instanceof InterruptedIOException) {
            return "timeout"; // SocketTimeoutException is an InterruptedIOException too
        }
        if (failure instanceof ConnectException) {
            return "connection-refused";
        }
        if (failure instanceof SSLException) {
            return "tls";
        }
        return failure instanceof IOException ? "io-error" : "client-error";
    }

    private static String snippetOf(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        // Read a little and stop: the rest of the body is never read (the connection is closed, not reused).
        try (InputStream content = entity.getContent()) {
            byte[] head = content.readNBytes(DeliveryAttempt.MAX_SNIPPET * 2);
            String text = new String(head, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ").strip();
            text = text.length() > DeliveryAttempt.MAX_SNIPPET ? text.substring(0, DeliveryAttempt.MAX_SNIPPET) : text;
            return text.isEmpty() ? null : text;
        }
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** The HTTP client's DNS: only addresses the guard approves, at the moment of connecting. */
    private record GuardedDns(TargetGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.addressesOf(host);
            } catch (TargetRefused refused) {
                throw refused.unresolvable() ? new UnknownHostException(host) : new RefusedByGuard(refused.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            resolve(host);
            return host; // no reverse lookup: nothing here needs the canonical name
        }
    }

    /** The guard refused every address of the host (or it had none). */
    private static final class RefusedByGuard extends UnknownHostException {

        RefusedByGuard(String reason) {
            super(reason);
        }
    }
}
