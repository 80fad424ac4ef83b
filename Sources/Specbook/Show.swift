import Foundation

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
    var files: [String: String] = [:]
    for theme in [FigureTheme.light, .dark] {
        for format in [FigureFormat.png, .svg] {
            let name = "\(stem)\(theme == .dark ? "-dark" : "").\(format.rawValue)"
            try figure.write(to: folder.appendingPathComponent(name), format: format, theme: theme)
            files["\(format.rawValue)\(theme == .dark ? "Dark" : "")"] = name
        }
    }
    var record: [String: Any] = [
        "kind": "figure", "block": NotebookRuntime.currentBlock, "files": files,
        "width": figure.width, "height": figure.height,
    ]
    if let caption { record["caption"] = caption }
    if let label { record["label"] = label }
    NotebookRuntime.emit(record)
}

/// Shows a table: a header row and rows of cells, rendered as an HTML table.
///
/// ```swift
/// show(table: [["alpha", "verdict"], ["0.5", "trivial"]])
/// ```
public func show(table rows: [[String]], caption: String? = nil, label: String? = nil) {
    var record: [String: Any] = ["kind": "table", "block": NotebookRuntime.currentBlock, "rows": rows]
    if let caption { record["caption"] = caption }
    if let label { record["label"] = label }
    NotebookRuntime.emit(record)
}

/// Reports a named value that prose cites as `{{name}}`.
///
/// ```swift
/// report("final_loss", String(format: "%.2e", loss))
/// ```
public func report(_ name: String, _ value: CustomStringConvertible) {
    NotebookRuntime.emit([
        "kind": "value", "block": NotebookRuntime.currentBlock, "name": name, "value": value.description,
    ])
}

/// Shows `message` in the build's live progress line, e.g. from a training callback.
///
/// ```swift
/// progress("epoch \(epoch) of \(epochs), loss \(loss)")
/// ```
public func progress(_ message: String) {
    NotebookRuntime.progress(message)
}
