import Foundation
import SpecbookNotebook

/// Finds and parses the notebooks a build was given.
enum NotebookDiscovery {
    /// Expands files and folders into notebook files (folders: their `*.md`, sorted), relative to `root`.
    static func files(_ paths: [String], root: URL) throws -> [(url: URL, display: String)] {
        let fm = FileManager.default
        var found: [(URL, String)] = []
        var errors: [String] = []
        for path in paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                errors.append("\(path): error: no such file or folder")
                continue
            }
            if isFolder.boolValue {
                let names = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                if names.isEmpty { errors.append("\(path): error: the folder holds no notebooks (*.md)") }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                found += names.map { (url.appendingPathComponent($0), prefix + $0) }
            } else {
                found.append((url, path))
            }
        }
        guard errors.isEmpty else { throw BuildError(errors) }
        var seen: [String: String] = [:]
        for (url, display) in found {
            let name = url.deletingPathExtension().lastPathComponent
            if let other = seen[name], other != display {
                throw BuildError(["\(display): error: page name '\(name)' is also used by \(other)"])
            }
            seen[name] = display
        }
        var unique: [(URL, String)] = []
        for entry in found where !unique.contains(where: { $0.0 == entry.0 }) { unique.append(entry) }
        return unique
    }

    /// Parses every notebook; all errors are collected before failing.
    static func parse(_ files: [(url: URL, display: String)]) throws -> [Notebook] {
        var notebooks: [Notebook] = []
        var errors: [String] = []
        for file in files {
            do {
                notebooks.append(try NotebookParser.parse(file: file.url, displayPath: file.display))
            } catch let error as NotebookError {
                errors.append(error.description)
            }
        }
        guard errors.isEmpty else { throw BuildError(errors) }
        return notebooks.sorted { a, b in
            switch (a.frontMatter.order, b.frontMatter.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.name < b.name
            }
        }
    }
}
