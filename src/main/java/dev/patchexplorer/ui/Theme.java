package dev.patchexplorer.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Light and dark: one AtlantaFX user-agent stylesheet plus the app's own app.css on the scene. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    public static Theme parse(String s) {
        return "DARK".equalsIgnoreCase(s) ? DARK : LIGHT;
    }
}
