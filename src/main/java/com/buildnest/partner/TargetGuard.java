package com.buildnest.partner;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides where a webhook may go, so that a subscription cannot make the shop call itself, its
 * neighbours or the cloud metadata service (server-side request forgery). A target is an absolute
 * {@code https} URL (plain {@code http} only where private targets are allowed) without user
 * name, password or fragment, whose host is a name or a canonical IP address. Where private targets
 * are not allowed, every address its host resolves to must be {@link PublicAddress public}; the
 * check is made when a subscription is saved and again, by {@link WebhookTransport}, for the very
 * addresses a delivery connects to, so a host that re-points its DNS afterwards gains nothing.
 */
final class TargetGuard {

    /** Resolves a host name to its addresses; the system's DNS in the application, a table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_URL_LENGTH = 2000;

    /** Digits or a hex number as the last label: an IP address, however it is written. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern CANONICAL_IPV4 = Pattern
            .compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private final boolean allowPrivate;
    private final Resolver resolver;

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    static TargetGuard withSystemDns(boolean allowPrivate) {
        return new TargetGuard(allowPrivate, InetAddress::getAllByName);
    }

    /** The URL, checked in shape and, where private targets are not allowed, in where its host resolves to. */
    URI check(String url) {
        URI target = checkShape(url);
        if (!allowPrivate) {
            addressesOf(hostOf(target));
        }
        return target;
    }

    /** The URL checked in shape only, without asking DNS. */
    URI checkShape(String url) {
        if (url == null || url.isBlank()) {
            throw new TargetRefused("A target URL is required.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new TargetRefused("The target URL is longer than " + MAX_URL_LENGTH + " characters.");
        }
        URI target;
        try {
            target = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw new TargetRefused("The target is not a valid URL.");
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!target.isAbsolute() || target.isOpaque()) {
            throw new TargetRefused("The target must be an absolute URL such as https://partner.example/webhooks.");
        }
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new TargetRefused("The target must be an https:// URL.");
        }
        if (target.getRawUserInfo() != null) {
            throw new TargetRefused("The target URL must not carry a user name or password; the signature "
                    + "authenticates deliveries.");
        }
        if (target.getRawFragment() != null) {
            throw new TargetRefused("The target URL must not have a fragment (#...).");
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            throw new TargetRefused("The target URL must name a host (letters, digits, dots and hyphens).");
        }
        if (host.indexOf('%') >= 0) {
            throw new TargetRefused("The target host must not carry an IPv6 zone.");
        }
        String bare = hostOf(target);
        String[] labels = bare.split("\\.");
        if (!bare.contains(":") && labels.length > 0 && NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()
                && !CANONICAL_IPV4.matcher(bare).matches()) {
            // 2130706433, 0x7f.1 or 0177.0.0.1 all mean 127.0.0.1 to some resolver or other
            throw new TargetRefused("An IPv4 target must be written as four decimal numbers, such as 203.0.113.7.");
        }
        return target;
    }

    /**
     * The addresses to connect to for {@code host}: all of them as resolved where private targets
     * are allowed, otherwise only if every one is public.
     */
    InetAddress[] addressesOf(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            addresses = null;
        }
        if (addresses == null || addresses.length == 0) {
            throw new TargetRefused("The target host " + host + " does not resolve to any address.", true);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!PublicAddress.isPublic(address)) {
                    throw new TargetRefused("The target host " + host + " resolves to an address that is not "
                            + "public (private, loopback, link-local or reserved); webhooks go to the public internet only.");
                }
            }
        }
        return addresses;
    }

    /** The host of a checked URL as a resolver wants it: an IPv6 literal without its brackets. */
    static String hostOf(URI target) {
        String host = target.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** A target the rules do not allow; the message says why, in words for an administrator. */
    static final class TargetRefused extends RuntimeException {

        private final boolean unresolvable;

        TargetRefused(String reason) {
            this(reason, false);
        }

        TargetRefused(String reason, boolean unresolvable) {
            super(reason, null, false, false);
            this.unresolvable = unresolvable;
        }

        /** The host has no address at all (rather than one that is not allowed). */
        boolean unresolvable() {
            return unresolvable;
        }
    }
}
