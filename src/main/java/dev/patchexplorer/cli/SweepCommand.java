package dev.patchexplorer.cli;

import dev.patchexplorer.model.sweep.SweepResultFiles;
import dev.patchexplorer.model.sweep.SweepSummary;
import dev.patchexplorer.model.sweep.SweepCsv;
import dev.patchexplorer.core.format.Json;
import dev.patchexplorer.core.sweep.ClassNames;
import dev.patchexplorer.core.sweep.GroundTruth;
import dev.patchexplorer.core.sweep.ImageFolder;
import dev.patchexplorer.core.sweep.PatchList;
import dev.patchexplorer.core.sweep.SweepAggregator;
import dev.patchexplorer.core.sweep.SweepKey;
import dev.patchexplorer.core.sweep.SweepMode;
import dev.patchexplorer.core.sweep.SweepRow;
import dev.patchexplorer.model.EngineThreads;
import dev.patchexplorer.model.ModelLoadException;
import dev.patchexplorer.model.ModelLoader;
import dev.patchexplorer.model.ViTModel;
import dev.patchexplorer.model.VisionModel;
import dev.patchexplorer.model.sweep.ImageFileSource;
import dev.patchexplorer.model.sweep.PatchSweepRunner;
import dev.patchexplorer.model.sweep.SweepJob;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * {@code sweep --model DIR|NAME --images DIR|FILE[:...] --patch 8,14,16|8:32[:step] --mode flexi|resize|tokens
 * [--size S] [--reference P] [--labels CSV] [--classes CSV] [--jobs N] --out results.csv}: runs one ViT
 * over many patch sizes on the user's images, one CSV row per (image, patch) compared with the reference
 * patch size, resumable, then a JSON summary per patch size (means with 95 % intervals) with a
 * recommendation. Images with a true class (ImageNet class folders, or {@code --labels}) are also
 * judged against it: correct_top1/5 per row, accuracy per patch size.
 */
public final class SweepCommand implements Command {
    private static final List<OptionSpec> OPTIONS = List.of(CommonOptions.MODEL, CommonOptions.MODELS,
            new OptionSpec("images", "DIR|FILE[" + File.pathSeparator + "...]",
                    "pictures, or folders of them (not searched below, except ImageNet class folders named by WordNet id or "
                            + "class name, which also give each picture its true class); each centre square is resized to --size (required)"),
            new OptionSpec("patch", "8,14,16|8:32[:step]", "patch sizes to run, a list or an inclusive range (required)"),
            new OptionSpec("mode", "flexi|resize|tokens", "flexi: image fixed, kernel PI-resized (default); resize: image resized "
                    + "so the grid changes; tokens: token count held, patch and image scaled together"),
            CommonOptions.SIZE,
            new OptionSpec("reference", "P", "patch size every run is compared with (default: the model's own)"),
            new OptionSpec("labels", "CSV", "true classes: 'file,label' lines (file relative to the CSV, or a bare file name; label "
                    + "a class index, WordNet id or class name); adds correct_top1/correct_top5 columns and accuracy to the summary"),
            new OptionSpec("classes", "CSV", "the model's class names, one per line or 'index,name' lines (default: ImageNet-1k for 1000 classes)"),
            new OptionSpec("jobs", "N", "images run at once, sharing the model (default: 1 per 2 cores, at least 1)"),
            new OptionSpec("min-agreement", "X", "recommendation: top-1 agreement at least X percent (default 90)"),
            new OptionSpec("max-kl", "Y", "recommendation: KL at most Y nats (default 0.1)"),
            new OptionSpec("out", "FILE", "CSV written one row at a time; run again with the same --out to finish an interrupted sweep (required)"));

    private final IntPredicate stopAfterRows;

    public SweepCommand() {
        this(rows -> false);
    }

    /** For tests: stops (as if interrupted) once {@code stopAfterRows} holds for the rows written by this run. */
    SweepCommand(IntPredicate stopAfterRows) {
        this.stopAfterRows = stopAfterRows;
    }

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "run one ViT at many patch sizes on your images: CSV per (image, patch), JSON summary and recommendation";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public int run(Options o, PrintStream out) throws Exception {
        return run(o, out, System.err);
    }

    int run(Options o, PrintStream out, PrintStream err) throws Exception {
        // everything checked before the model loads, so a typo fails at once
        Path modelDir = ModelArgument.resolve(o);
        List<Integer> patches = patches(o.require("patch"));
        SweepMode mode = mode(o.get("mode", "flexi"));
        ClassArgument classes = ClassArgument.of(o);
        ImageArgument imageArgument = images(o.require("images"), classes.names());
        List<Path> images = imageArgument.images();
        GroundTruth truth = truth(o, classes.names(), imageArgument.folders());
        Path outFile = Path.of(o.require("out"));
        int jobs = o.integer("jobs", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        if (jobs < 1 || jobs > 64) throw new UsageException("--jobs must be between 1 and 64, got " + jobs);
        double minAgreement = percent(o);
        double maxKl = number(o, "max-kl", 0.1);
        if (!(maxKl >= 0)) throw new UsageException("--max-kl must be at least 0, got " + o.get("max-kl", ""));
        var sizeOption = CommonOptions.size(o);
        try (VisionModel loaded = ModelLoader.load(modelDir)) {
            if (!(loaded instanceof ViTModel vit)) throw new UsageException("sweep runs ViT models only; " + modelDir.getFileName() + " is a CNN");
            int size = sizeOption.isPresent() ? sizeOption.getAsInt() : CommonOptions.size(CommonOptions.SIZE.name(), vit.config().inputHeight());
            int reference = o.integer("reference", vit.spec().nativePatch());
            CommonOptions.checkPatch(reference, size, size);
            for (int p : patches) CommonOptions.checkPatch(p, size, size);
            classes.check(truth, vit.numClasses());
            PatchSweepRunner runner = new PatchSweepRunner(vit, mode, size, reference, classes.labels());
            runner.check(reference);
            for (int p : patches) runner.check(p);
            return sweep(runner, modelDir, vit, images, truth, patches, jobs, outFile, minAgreement, maxKl, out, err);
        }
    }

    private int sweep(PatchSweepRunner runner, Path modelDir, ViTModel vit, List<Path> images, GroundTruth truth, List<Integer> patches,
                      int jobs, Path outFile, double minAgreement, double maxKl, PrintStream out, PrintStream err) throws Exception {
        SweepAggregator totals = new SweepAggregator();
        List<Map<String, Object>> skipped = new ArrayList<>();
        boolean finished;
        int before = EngineThreads.get();
        // workers share the cores: each pass gets its share of PyTorch's intra-op threads
        EngineThreads.set(Math.max(1, Runtime.getRuntime().availableProcessors() / jobs));
        // rows read back are judged again: the true classes of this run decide, even for rows of an earlier run
        try (SweepTable table = SweepTable.open(outFile, runner.settings().mode(), runner.settings().referencePatch(),
                r -> totals.add(r.judged(truth.classOf(Path.of(r.image())))))) {
            List<SweepJob.Pending> pending = new ArrayList<>();
            for (Path image : images) {
                List<Integer> todo = patches.stream().filter(p -> !table.isDone(new SweepKey(image.toString(), p))).toList();
                if (!todo.isEmpty()) pending.add(new SweepJob.Pending(image.toString(), todo, truth.classOf(image)));
            }
            int total = pending.stream().mapToInt(p -> p.patches().size()).sum();
            SweepProgress progress = new SweepProgress(err, total, table.doneCount());
            int[] written = {0};
            SweepJob.ImageSource source = new ImageFileSource(runner);
            SweepJob.Listener listener = new SweepJob.Listener() {
                @Override
                public void row(SweepRow row) throws IOException {
                    if (table.append(row)) {
                        totals.add(SweepCsv.parse(SweepCsv.format(row))); // as read back on a resumed run
                        written[0]++;
                        progress.row(row);
                    }
                }

                @Override
                public void skipped(String image, String reason) {
                    skipped.add(new LinkedHashMap<>(Map.of("image", image, "reason", reason)));
                    progress.skipped(image, reason);
                }
            };
            Iterator<SweepJob.Pending> work = pending.iterator();
            finished = SweepJob.run(runner, work, source, jobs, listener, () -> stopAfterRows.test(written[0]));
            progress.done();
        } finally {
            EngineThreads.set(before);
        }
        var run = new SweepSummary.Run(modelDir.getFileName().toString(), vit.spec().architecture(), runner.settings().mode(),
                runner.settings().size(), runner.settings().referencePatch(), "csv", outFile.toString());
        Map<String, Object> summary = SweepSummary.of(run, totals.result(), truth.labelled(images), minAgreement, maxKl);
        summary.put("skipped", skipped);
        String text = Json.text(summary);
        Path summaryFile = summaryFile(outFile);
        Files.writeString(summaryFile, text + "\n", StandardCharsets.UTF_8);
        out.println(text);
        if (!finished) {
            err.println("patch-explorer sweep: stopped before the end; run the same command again to finish " + outFile);
            return 1;
        }
        return 0;
    }

    static Path summaryFile(Path csv) {
        return SweepResultFiles.summaryFileOf(csv);
    }

    private static List<Integer> patches(String text) throws UsageException {
        try {
            return PatchList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static SweepMode mode(String word) throws UsageException {
        try {
            return SweepMode.parse(word);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double percent(Options o) throws UsageException {
        double v = number(o, "min-agreement", 90);
        if (!(v >= 0 && v <= 100)) throw new UsageException("--min-agreement must be a percentage from 0 to 100, got " + o.get("min-agreement", ""));
        return v / 100;
    }

    private static double number(Options o, String name, double fallback) throws UsageException {
        if (!o.has(name)) return fallback;
        try {
            double v = Double.parseDouble(o.require(name).strip());
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + o.get(name, "") + "'");
        }
    }

    /** The pictures named, and the true classes of those in ImageNet class folders. */
    record ImageArgument(List<Path> images, GroundTruth folders) {}

    /** The pictures named: files as given, folders' image files (by extension, class folders one level down) in name order. */
    static ImageArgument images(String value, ClassNames classes) throws UsageException {
        List<Path> out = new ArrayList<>();
        List<Path> inClassFolders = new ArrayList<>();
        for (String part : value.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (part.isBlank()) continue;
            Path p = Path.of(part);
            if (Files.isDirectory(p)) {
                ImageFolder.Listing found;
                try {
                    found = ImageFolder.list(p, classes);
                } catch (IOException e) {
                    throw new UsageException("cannot list --images folder " + part);
                }
                if (found.images().isEmpty()) throw new UsageException("--images folder " + part + " holds no PNG, JPEG, TIFF, WebP, BMP or GIF files");
                out.addAll(found.images());
                if (found.classFolders()) inClassFolders.addAll(found.images());
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new UsageException("--images: no file or folder " + part);
            }
        }
        if (out.isEmpty()) throw new UsageException("--images needs a file or folder");
        if (out.stream().map(Path::toString).distinct().count() != out.size()) throw new UsageException("--images names a picture twice");
        return new ImageArgument(out, GroundTruth.fromClassFolders(inClassFolders, classes));
    }

    /** --classes as given (null without it: the model's own names), and the names true classes are looked up in. */
    record ClassArgument(List<String> given, ClassNames names) {
        static ClassArgument of(Options o) throws UsageException {
            return of(o.has("classes") ? classNames(Path.of(o.require("classes"))) : null);
        }

        /** @param given --classes' names, or null: ImageNet-1k's names then */
        static ClassArgument of(List<String> given) {
            return new ClassArgument(given, given != null ? new ClassNames(given) : ClassNames.imageNet());
        }

        /** The rows' top1_label names: --classes', else null for the model's own. */
        IntFunction<String> labels() {
            return given != null ? given::get : null;
        }

        /** Refuses --classes, or true classes, that do not fit a model with {@code modelClasses} outputs. */
        void check(GroundTruth truth, int modelClasses) throws UsageException {
            if (given != null && given.size() != modelClasses) {
                throw new UsageException("--classes has " + given.size() + " names but the model has " + modelClasses + " classes");
            }
            if (!truth.isEmpty() && names.classes() != modelClasses) {
                throw new UsageException("the true classes name ImageNet-1k classes but the model has " + modelClasses
                        + "; give its class names with --classes");
            }
        }
    }

    /** The true classes: --labels' lines, and the class folders' for the pictures those do not name. */
    static GroundTruth truth(Options o, ClassNames classes, GroundTruth folders) throws UsageException {
        if (!o.has("labels")) return folders;
        try {
            return GroundTruth.fromCsv(Path.of(o.require("labels")), classes).or(folders);
        } catch (GroundTruth.LabelsException e) {
            throw new UsageException("--labels: " + e.getMessage());
        }
    }

    /** Class names from a file: one per line, or "index,name" lines (the model's class count is checked once it is loaded). */
    static List<String> classNames(Path file) throws UsageException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read --classes " + file + " as UTF-8 text");
        }
        String[] names = new String[lines.size()];
        boolean indexed = !lines.isEmpty() && lines.stream().allMatch(l -> {
            List<String> f = SweepCsv.fields(l);
            return f.size() >= 2 && f.get(0).strip().matches("\\d+");
        });
        for (int i = 0; i < lines.size(); i++) {
            List<String> f;
            try {
                f = SweepCsv.fields(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--classes line " + (i + 1) + " " + e.getMessage());
            }
            if (!indexed) {
                names[i] = String.join(",", f).strip();
                continue;
            }
            int index = Integer.parseInt(f.get(0).strip());
            if (index >= names.length || names[index] != null) throw new UsageException("--classes index " + index + " is out of order or repeated");
            names[index] = String.join(",", f.subList(1, f.size())).strip();
        }
        if (names.length == 0) throw new UsageException("--classes " + file + " names no class");
        return List.of(names);
    }
}
