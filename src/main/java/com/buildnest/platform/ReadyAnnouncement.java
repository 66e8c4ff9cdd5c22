package com.buildnest.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started BuildNest where to find it once it is ready to serve. */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String managementPort = environment.getProperty("local.management.port");
        log.info("BuildNest is ready at http://localhost:{}/ (API documentation: http://localhost:{}/swagger-ui.html{})",
                port, port, managementPort == null || managementPort.equals(port) ? ""
                        : "; health and metrics on management port " + managementPort);
    }
}
