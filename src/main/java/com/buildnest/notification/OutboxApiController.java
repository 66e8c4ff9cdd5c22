package com.buildnest.notification;

import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.buildnest.notification.Outbox.MailView;

/** The mail outbox for staff: what was sent, what failed, and (without SMTP) what would have been sent. */
@RestController
@Validated
class OutboxApiController {

    private final Outbox outbox;

    OutboxApiController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/admin/outbox")
    PagedModel<MailView> outbox(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) int size) {
        return new PagedModel<>(outbox.recent(page, size));
    }
}
