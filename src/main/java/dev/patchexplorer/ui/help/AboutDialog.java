package dev.patchexplorer.ui.help;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * Help > About: the version, the app's licence, and the notices for the software,
 * sample pictures and models it uses.
 */
public final class AboutDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    /** @param appVersion the running version (the app module's AppVersion.current()) */
    public AboutDialog(Window owner, String appVersion) {
        this(owner, appVersion, DownloadedNotices.NONE);
    }

    /** With the notices of the checkpoints this user downloaded, shown on the models tab. */
    public AboutDialog(Window owner, String appVersion, DownloadedNotices downloaded) {
        dialog.setTitle(HelpText.text("about.title"));
        dialog.getDialogPane().setHeader(header(appVersion));
        dialog.getDialogPane().setContent(notices(downloaded));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setPrefSize(620, 520);
        dialog.getDialogPane().setId("about-dialog");
        Dialogs.prepare(dialog, owner);
    }

    /** Opens the dialog and returns at once; the owner stays usable. */
    public static AboutDialog show(Window owner, String appVersion) {
        return show(owner, appVersion, DownloadedNotices.NONE);
    }

    public static AboutDialog show(Window owner, String appVersion, DownloadedNotices downloaded) {
        AboutDialog about = new AboutDialog(owner, appVersion, downloaded);
        about.dialog.show();
        return about;
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    private static Node header(String appVersion) {
        ImageView icon = new ImageView(AppIcons.large());
        icon.setFitWidth(72);
        icon.setFitHeight(72);
        Label name = styled(new Label(HelpText.text("app.name")), "about-name");
        Label version = styled(new Label(HelpText.text("about.version", appVersion)), "about-version");
        version.setId("about-version");
        Label tagline = styled(new Label(HelpText.text("about.tagline")), "about-item");
        Label licence = styled(new Label(HelpText.text("about.license")), "about-item");
        licence.setId("about-licence");
        Label copyright = styled(new Label(HelpText.text("about.copyright")), "about-item");
        Label runtime = styled(new Label(HelpText.text("about.runtime",
                System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"))), "about-item-licence");
        VBox text = new VBox(4, name, version, tagline, licence, copyright, runtime);
        HBox header = new HBox(16, icon, text);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(16));
        return header;
    }

    private static Node notices(DownloadedNotices downloaded) {
        Tab software = tab("about.tab.software", "about.software.intro", Notices.SOFTWARE, null);
        Tab images = tab("about.tab.images", "about.images.intro", Notices.SAMPLE_IMAGES, null);
        Tab models = tab("about.tab.models", "about.models.intro", Notices.MODELS, "about.models.caveat");
        if (!downloaded.notices().isEmpty()) {
            VBox list = (VBox) ((ScrollPane) models.getContent()).getContent();
            list.getChildren().add(styled(new Label(downloaded.heading()), "about-item"));
            for (String n : downloaded.notices()) {
                Label item = styled(new Label("\u2022 " + n), "about-item");
                item.getStyleClass().add("about-notice");
                item.setId("about-downloaded-notice");
                list.getChildren().add(item);
            }
        }
        TabPane tabs = new TabPane(software, images, models);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Tab tab(String titleKey, String introKey, List<Notices.Notice> items, String footKey) {
        VBox list = new VBox();
        list.getStyleClass().add("about-list");
        list.getChildren().add(styled(new Label(HelpText.text(introKey)), "about-item"));
        for (Notices.Notice n : items) {
            Label item = styled(new Label("\u2022 " + n.text()), "about-item");
            item.getStyleClass().add("about-notice");
            list.getChildren().add(item);
        }
        if (footKey != null) list.getChildren().add(styled(new Label(HelpText.text(footKey)), "about-item"));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        return new Tab(HelpText.text(titleKey), scroll);
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }
}
