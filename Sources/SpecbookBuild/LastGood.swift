import Foundation
import SpecbookNotebook

/// A notebook's last successful run, kept so a failed run does not take its page away.
///
/// ```swift
/// if let good = LastGood.find("lfp", cache: cache) { render(good.notebook, good.result) }
/// ```
/// The record names the cache entry and holds the notebook's text as it was then, so the page is rendered
/// from the source and results that belong together.
public struct LastGood: Sendable {
    public var notebook: Notebook
    public var result: NotebookResult
    public var outputFolder: URL

    struct Record: Codable {
        var key: String
        var path: String
        var source: String
    }

    static func file(_ name: String, in layout: CacheLayout) -> URL { layout.lastGood(for: name) }

    /// Remembers `job` as its notebook's last successful run.
    static func record(_ job: NotebookRunner.Job, in layout: CacheLayout) {
        let url = file(job.notebook.name, in: layout)
        let record = Record(key: job.key, path: job.notebook.path, source: job.notebook.source)
        guard let data = try? JSONEncoder().encode(record) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: .atomic)
    }

    /// The last successful run of notebook `name`, when its record and cache entry are both whole.
    static func find(_ name: String, cache: NotebookCache) -> LastGood? {
        guard let data = try? Data(contentsOf: file(name, in: cache.layout)),
              let record = try? JSONDecoder().decode(Record.self, from: data),
              let result = cache.lookup(record.key),
              let notebook = try? NotebookParser.parse(source: record.source, path: record.path, name: name)
        else { return nil }
        return LastGood(notebook: notebook, result: result, outputFolder: cache.entry(record.key).appendingPathComponent("output"))
    }
}
