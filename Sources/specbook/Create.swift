import ArgumentParser
import Foundation
import SpecbookBuild

/// `specbook create DIR [--title T]`: a new project that builds at once.
struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a project: specbook.yml, notebooks/index.md, lib/Quadrature.swift, .gitignore and a README.",
        discussion: """
            The notebook shows a figure, a number cited in prose ({{mean}}) and a check. Then:
              cd DIR && specbook build      # site/index.html
              specbook preview              # rebuild and reload on every save
            """)

    @Argument(help: "The project folder; created when missing, and must be empty when it exists.")
    var folder: String

    @Option(name: .long, help: "The site's title (default: the folder's name).")
    var title: String?

    func run() throws {
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        let template = ProjectTemplate(title: title ?? url.lastPathComponent)
        do {
            let files = try template.write(to: url)
            print("created \(folder)/ with \(files.joined(separator: ", "))")
            print("next: cd \(folder) && specbook build    # then open site/index.html")
        } catch {
            printError("specbook create: \(error)")
            throw ExitCode(1)
        }
    }
}
