package com.buildnest;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend on each other only as their {@code package-info.java} declares. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BuildNestApplication.class);

    @Test
    void modulesKeepToTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramsIntoTheBuildDirectory() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
