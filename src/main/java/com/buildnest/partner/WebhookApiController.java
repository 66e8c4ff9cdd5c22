package com.buildnest.partner;

import java.net.URI;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.partner.WebhookDelivery.Status;
import com.buildnest.partner.WebhookSubscriptions.DeliveryDetail;
import com.buildnest.partner.WebhookSubscriptions.DeliveryView;
import com.buildnest.partner.WebhookSubscriptions.SubscriptionView;
import com.buildnest.partner.WebhookSubscriptions.SubscriptionWithSecret;

/** Outbound partner webhook subscriptions and their delivery log: administrators only. */
@RestController
@RequestMapping("/api/admin/webhooks")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class WebhookApiController {

    private final WebhookSubscriptions subscriptions;

    WebhookApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record SubscriptionRequest(@NotBlank @Size(max = WebhookSubscription.MAX_NAME) String name,
            @NotBlank @Size(max = TargetGuard.MAX_URL_LENGTH) String url,
            @NotEmpty @Size(max = 20) Set<@NotBlank @Size(max = 40) String> events) {

        WebhookSubscriptions.Form form() {
            return new WebhookSubscriptions.Form(name, url, events);
        }
    }

    @GetMapping
    PagedModel<SubscriptionView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(subscriptions.list(page, size));
    }

    @PostMapping
    ResponseEntity<SubscriptionWithSecret> create(@Valid @RequestBody @NotNull SubscriptionRequest request,
            @AuthenticationPrincipal Jwt caller) {
        SubscriptionWithSecret created = subscriptions.create(request.form(), actor(caller));
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + created.subscription().id())).body(created);
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable long id) {
        return subscriptions.get(id);
    }

    @PutMapping("/{id}")
    SubscriptionView update(@PathVariable long id, @Valid @RequestBody @NotNull SubscriptionRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return subscriptions.update(id, request.form(), actor(caller));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        subscriptions.delete(id, actor(caller));
    }

    @PostMapping("/{id}/enable")
    SubscriptionView enable(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        return subscriptions.enable(id, actor(caller));
    }

    @PostMapping("/{id}/disable")
    SubscriptionView disable(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        return subscriptions.disable(id, actor(caller));
    }

    @PostMapping("/{id}/rotate-secret")
    SubscriptionWithSecret rotateSecret(@PathVariable long id, @AuthenticationPrincipal Jwt caller) {
        return subscriptions.rotateSecret(id, actor(caller));
    }

    @PostMapping("/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView ping(@PathVariable long id) {
        return subscriptions.ping(id);
    }

    @GetMapping("/{id}/deliveries")
    PagedModel<DeliveryView> deliveries(@PathVariable long id, @RequestParam(required = false) Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(subscriptions.deliveries(id, status, page, size));
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    DeliveryDetail delivery(@PathVariable long id, @PathVariable long deliveryId) {
        return subscriptions.delivery(id, deliveryId);
    }

    private static long actor(Jwt caller) {
        return Long.parseLong(caller.getSubject());
    }
}
