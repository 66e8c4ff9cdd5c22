package com.buildnest.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Makes Tomcat report its own errors as problems ({@link ProblemErrorReportValve}), not HTML pages. */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatWebServerFactory> {

    @Override
    public void customize(TomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
