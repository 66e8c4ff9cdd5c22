package com.buildnest.partner;

import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import com.buildnest.platform.startup.ProductionSettingsCheck;

/**
 * Production sends webhooks only to public HTTPS addresses: a target that may resolve to a private,
 * loopback or link-local address would let whoever controls a subscription (or the DNS of its host)
 * make the shop call its own internal services and the cloud metadata endpoint.
 */
class PartnerSettingsCheck implements ProductionSettingsCheck {

    @Override
    public List<String> problemsIn(Environment environment) {
        PartnerProperties partner;
        try {
            partner = Binder.get(environment).bindOrCreate("buildnest.partner", PartnerProperties.class);
        } catch (BindException unreadable) {
            return List.of("buildnest.partner.* cannot be read: " + unreadable.getCause().getMessage());
        }
        return partner.allowPrivateTargets()
                ? List.of("buildnest.partner.allow-private-targets is true: production must send partner webhooks "
                        + "to public HTTPS addresses only; remove the setting (BUILDNEST_PARTNER_ALLOWPRIVATETARGETS).")
                : List.of();
    }
}
