import Foundation

/// The images `changes.html` shows beside the new figures: the old figure, copied before the old site goes,
/// and a difference image per theme drawn with Cairo (the new figure faded, changed pixels highlighted).
///
/// ```swift
/// try ChangeAssets.write(comparison, old: oldSnapshot, new: newSnapshot, into: stagingFolder)
/// ChangeAssets.paths(of: figure, in: "fit").diff   // "changes/fit/fig-sine-diff.png"
/// ```
/// **Edge cases:** added and removed figures have no difference image; a figure that could not be compared
/// (``FigureChange/problem``) gets none either, and its page entry says why.
public enum ChangeAssets {
    public static let page = "changes.html"
    public static let folder = "changes"

    public struct Paths: Equatable, Sendable {
        public var old: String
        public var oldDark: String
        public var diff: String
        public var diffDark: String
    }

    /// Where the images of `figure` (of notebook `name`) go, relative to the site root.
    public static func paths(of figure: FigureChange, in name: String) -> Paths {
        let stem = "\(folder)/\(name)/" + (figure.png as NSString).lastPathComponent.replacingOccurrences(of: ".png", with: "")
        return Paths(old: "\(stem)-old.png", oldDark: "\(stem)-old-dark.png", diff: "\(stem)-diff.png", diffDark: "\(stem)-diff-dark.png")
    }

    /// Highlight colours for changed pixels: magenta on light figures, a light pink on dark ones.
    static let highlightLight: UInt32 = 0xFFC8_0078, highlightDark: UInt32 = 0xFFFF_6AD5

    public static func write(_ comparison: SiteComparison, old: SiteSnapshot, new: SiteSnapshot, into site: URL) throws {
        let fm = FileManager.default
        let oldFigures = Dictionary(old.manifest.notebooks.flatMap { n in n.figures.map { ($0.png, $0) } }, uniquingKeysWith: { x, _ in x })
        for notebook in comparison.notebooks where notebook.status == .changed {
            for figure in notebook.figures where figure.status == .changed && figure.problem == nil {
                guard let before = oldFigures[figure.png] else { continue }
                let paths = paths(of: figure, in: notebook.name)
                try fm.createDirectory(at: site.appendingPathComponent("\(folder)/\(notebook.name)"), withIntermediateDirectories: true)
                try copy(old.file(before.png), to: site.appendingPathComponent(paths.old))
                try PixelDifference.drawDifference(old: old.file(before.png), new: new.file(figure.png),
                                                   to: site.appendingPathComponent(paths.diff),
                                                   highlight: highlightLight)
                if let darkOld = before.pngDark, let darkNew = figure.pngDark {
                    try copy(old.file(darkOld), to: site.appendingPathComponent(paths.oldDark))
                    try PixelDifference.drawDifference(old: old.file(darkOld), new: new.file(darkNew),
                                                       to: site.appendingPathComponent(paths.diffDark),
                                                       highlight: highlightDark)
                }
            }
        }
    }

    private static func copy(_ from: URL, to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        do {
            try FileManager.default.copyItem(at: from, to: to)
        } catch {
            throw ReviewError(from.path, "cannot copy the old figure: \(error.localizedDescription)")
        }
    }
}
