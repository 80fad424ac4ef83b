import ArgumentParser
import Foundation
import SpecbookNotebook

@main
struct SpecbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specbook",
        abstract: "Turn Markdown notebooks with Swift blocks into a static report site.",
        discussion: """
            A notebook is `notebooks/NAME.md`: YAML front matter, Markdown prose, and ```swift blocks that run \
            in order in one program compiled against the Specbook library. `specbook build` writes \
            `site/NAME.html` for each notebook, plus `site/index.html`.
            """,
        version: SpecbookVersion.current,
        subcommands: [Build.self, Run.self, Preview.self, Diff.self, Pdf.self, Slurm.self, Clean.self, Create.self],
        defaultSubcommand: Build.self)
}
