import Foundation
import SpecbookWire

/// Shows a figure on the page: writes PNG (2x) and SVG, light and dark, into the notebook's output folder.
///
/// ```swift
/// let fig = Figure()
/// try fig.axes.line(x: xs, y: ys, label: "f")
/// try show(fig, caption: "The target function.")
/// ```
/// The block's `//| label:` and `//| caption:` options apply to its first figure when not given here.
public func show(_ figure: Figure, caption: String? = nil, label: String? = nil) throws {
    NotebookRuntime.figureCount += 1
    NotebookRuntime.blockFigures += 1
    // The block's label names its first figure; later ones get a suffix.
    let blockStem = NotebookRuntime.blockLabel.map { NotebookRuntime.blockFigures == 1 ? $0 : "\($0)-\(NotebookRuntime.blockFigures)" }
    let stem = NotebookRuntime.safeName(label ?? blockStem ?? "figure-\(NotebookRuntime.figureCount)")
    let folder = NotebookRuntime.outputFolder
    let files = FigureFiles(stem: stem)
    for variant in FigureFiles.Variant.allCases {
        try figure.write(to: folder.appendingPathComponent(files[variant]), format: variant.isPNG ? .png : .svg,
                         theme: variant.isDark ? .dark : .light)
    }
    NotebookRuntime.emit(.figure(FigureRecord(
        block: NotebookRuntime.currentBlock, files: files, width: figure.width, height: figure.height,
        caption: caption, label: label)))
}

/// Shows a table: a header row and rows of cells, rendered as an HTML table.
///
/// ```swift
/// show(table: [["alpha", "verdict"], ["0.5", "trivial"]])
/// ```
public func show(table rows: [[String]], caption: String? = nil, label: String? = nil) {
    NotebookRuntime.emit(.table(TableRecord(block: NotebookRuntime.currentBlock, rows: rows, caption: caption, label: label)))
}

/// Reports a named value that prose cites as `{{name}}`.
///
/// ```swift
/// report("final_loss", String(format: "%.2e", loss))
/// report("train_seconds", String(format: "%.1f", seconds), timing: true)
/// ```
/// `timing: true` marks a duration measured on this machine: the page shows it, but comparing two builds
/// (`changes.html`, `specbook diff`) leaves it out, since it differs from run to run without anything changing.
public func report(_ name: String, _ value: CustomStringConvertible, timing: Bool = false) {
    NotebookRuntime.reported[name] = value.description
    NotebookRuntime.emit(.value(ValueRecord(block: NotebookRuntime.currentBlock, name: name, value: value.description,
                                            timing: timing)))
}

/// Shows `message` in the build's live progress line, e.g. from a training callback.
///
/// ```swift
/// progress("epoch \(epoch) of \(epochs), loss \(loss)")
/// ```
public func progress(_ message: String) {
    NotebookRuntime.progress(message)
}

/// Shows `text` as the block's output, after what the block printed.
///
/// ```swift
/// show(text: "The fit converged after \(epochs) epochs.")
/// ```
public func show(text: String) {
    NotebookRuntime.emit(.text(TextRecord(block: NotebookRuntime.currentBlock, text: text)))
}
