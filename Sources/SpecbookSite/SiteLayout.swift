import Foundation

/// Every path inside a built site, named once: pages, the shared assets, each notebook's figure folder.
///
/// ```swift
/// SiteLayout.page(of: "lfp")               // "lfp.html"
/// SiteLayout.asset("fig-a.png", of: "lfp") // "assets/lfp/fig-a.png"
/// ```
public enum SiteLayout {
    public static let index = "index.html"
    /// The listing of pages when a notebook named `index` takes ``index``.
    public static let contents = "contents.html"
    public static let manifest = "manifest.json"
    public static let assets = "assets"
    public static let stylesheet = "assets/specbook.css"
    public static let searchScript = "assets/search.js"

    /// The page a notebook becomes.
    public static func page(of notebook: String) -> String { "\(notebook).html" }
    /// The folder holding a notebook's figure files, with a trailing slash.
    public static func assetFolder(of notebook: String) -> String { "\(assets)/\(notebook)/" }
    /// One of a notebook's figure files, relative to the site root.
    public static func asset(_ file: String, of notebook: String) -> String { assetFolder(of: notebook) + file }
}
