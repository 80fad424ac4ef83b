import ArgumentParser
import Foundation
import SpecbookBuild

/// The options `build`, `preview` and `run` share: which notebooks, where the site goes, and `-P` parameters.
///
/// ```swift
/// struct Build: ParsableCommand {
///     @OptionGroup var project: ProjectOptions
///     func run() throws { let options = project.buildOptions() }
/// }
/// ```
struct ProjectOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders (default: notebooks/ of the project).")
    var paths: [String] = []

    @Option(name: .long, help: "The folder the site is written to (default: site/ of the project).")
    var out: String?

    @OptionGroup var parameters: ParameterOptions

    /// Build options for the project the current folder is in (found from `specbook.yml`, as git finds `.git`);
    /// paths typed are relative to the current folder.
    func buildOptions() throws -> BuildOptions {
        var options = BuildOptions()
        if !paths.isEmpty { options.paths = paths.map(options.projectPath) }
        options.output = out.map(options.projectPath) ?? "site"
        options.parameters = try parameters.overrides()
        return options
    }
}

/// `-P name=value`, repeatable: notebook parameters over the front matter's `params`.
struct ParameterOptions: ParsableArguments {
    @Option(name: .customShort("P"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a notebook parameter, e.g. -P epochs=500 or -P profile=quick (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        _ = try overrides()
    }

    /// `-P name=value` arguments as a dictionary; the last of two for one name wins.
    ///
    /// ```swift
    /// // -P epochs=500 -P profile=quick
    /// try overrides()   // ["epochs": "500", "profile": "quick"]
    /// ```
    func overrides() throws -> [String: String] {
        var values: [String: String] = [:]
        for argument in parameters {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("-P takes name=value, not '\(argument)'")
            }
            values[String(parts[0])] = String(parts[1])
        }
        return values
    }
}
