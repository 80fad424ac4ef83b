import Foundation

/// Maps a request path to a file inside the site folder, refusing anything that would leave it.
///
/// ```swift
/// let files = SiteFiles(root: URL(fileURLWithPath: "site"))
/// if case .file(let url) = files.resolve("/target-spectrum.html") { print(url.path) }
/// ```
/// **Edge cases:** a `..` segment (however it was encoded: the server decodes before asking) is forbidden; a
/// symbolic link whose target lies outside the folder is forbidden; hidden files (a segment starting with `.`),
/// folders without `index.html` and missing files are not found; `/` and a folder serve their `index.html`.
public struct SiteFiles: Sendable {
    /// The site folder with symbolic links resolved.
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    public enum Resolution: Equatable, Sendable {
        case file(URL)
        case notFound
        case forbidden
    }

    /// Resolves an already percent-decoded URL path (`/assets/specbook.css`).
    public func resolve(_ path: String) -> Resolution {
        let clean = path.prefix(while: { $0 != "?" && $0 != "#" })
        if clean.contains("\0") || clean.contains("\\") { return .forbidden }
        let segments = clean.split(separator: "/").filter { $0 != "." }
        if segments.contains("..") { return .forbidden }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        var url = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            // A dangling link is still a link out of the folder when it points outside.
            return isInside(url.resolvingSymlinksInPath()) ? .notFound : .forbidden
        }
        if isFolder.boolValue { url.appendPathComponent("index.html") }
        let resolved = url.resolvingSymlinksInPath()
        guard isInside(resolved) else { return .forbidden }
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder), !isFolder.boolValue else {
            return .notFound
        }
        return .file(resolved)
    }

    func isInside(_ url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        return path == root.path || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
    }

    /// The `Content-Type` of a file, from its extension.
    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "md", "txt", "csv": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
