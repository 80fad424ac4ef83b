import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook

/// `specbook clean`: empty the cache (and optionally the site).
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Empty the cache folder (\(CacheLayout.folderName)/); with --site, remove the generated site too.")

    @Flag(name: .long, help: "Also remove the generated site.")
    var site = false

    @Option(name: .long, help: "The site folder removed by --site.")
    var out = "site"

    func run() throws {
        let root = BuildOptions().projectRoot
        try NotebookCache(layout: CacheLayout(projectRoot: root)).clean()
        if site {
            let folder = root.appendingPathComponent(out)
            let fm = FileManager.default
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where name != "README.md" {
                try fm.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        print("cleaned \(CacheLayout.folderName)/\(site ? " and \(out)/" : "")")
    }
}
