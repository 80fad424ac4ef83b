import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook

/// `specbook slurm [PATHS...] --shards n`: the build as a Slurm job array plus a job that assembles the site.
struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the build on a Slurm cluster: shards as a job array, then the site.",
        discussion: """
            Writes two batch scripts into .specbook-cache/slurm/: a job array whose task i runs \
            `specbook build --shard i/n` (its share of the sweep points and notebooks, into the cache), and a job \
            that waits for all of them (--dependency=afterok) and builds the site from the cache. Submits both with \
            sbatch and prints their job ids. The project folder (with its cache) must be on a filesystem every node \
            sees.
            Examples:
              specbook slurm --shards 16 --partition short --time 02:00:00 -P profile=cluster
              specbook slurm --shards 4 --dry-run            # print the scripts, submit nothing
            """)

    @Argument(help: "Notebook files or folders (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "How many shards (array tasks).")
    var shards: Int

    @Option(name: .long, help: "The Slurm partition to submit to.")
    var partition: String?

    @Option(name: .long, help: "The time limit of each job (Slurm's --time, e.g. 01:00:00).")
    var time: String?

    @Option(name: .long, help: "Cores per shard: its sweeps run this many points at once.")
    var cpusPerTask = 1

    @Flag(name: .long, help: "Print the scripts and submit nothing.")
    var dryRun = false

    @OptionGroup var parameters: ParameterOptions

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
    }

    func run() throws {
        let options = BuildOptions()
        let root = options.projectRoot
        let overrides = try parameters.overrides()
        let arguments = paths.map(options.projectPath) + overrides.keys.sorted().flatMap { ["-P", "\($0)=\(overrides[$0]!)"] }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let scripts = SlurmScripts(specbook: me, projectRoot: root, shards: shards, buildArguments: arguments,
                                   partition: partition, time: time, cpusPerTask: cpusPerTask)
        if dryRun {
            print("# shards.sbatch\n\(scripts.shardArray)\n# site.sbatch\n\(scripts.assemble)", terminator: "")
            return
        }
        guard let sbatch = ChildProcess.executable(named: ["sbatch"]) else {
            printError("specbook slurm: error: sbatch is not on the PATH (install Slurm's client tools, or use --dry-run)")
            throw ExitCode(1)
        }
        // The library, the packages and lib/ are prepared here, once, so the shards start with them built.
        do {
            _ = try NotebookRunner(projectRoot: root, overrides: overrides) { printError($0) }
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let folder = scripts.logFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shardFile = folder.appendingPathComponent("shards.sbatch"), siteFile = folder.appendingPathComponent("site.sbatch")
        try scripts.shardArray.write(to: shardFile, atomically: true, encoding: .utf8)
        try scripts.assemble.write(to: siteFile, atomically: true, encoding: .utf8)
        let array = try submit(sbatch, [shardFile.path], in: folder)
        let site = try submit(sbatch, ["--dependency=afterok:\(array)", siteFile.path], in: folder)
        print("submitted \(shards) shards as job \(array) (array 0-\(shards - 1)); the site builds in job \(site)")
        print("logs and scripts: \(folder.path)")
    }

    /// Runs `sbatch --parsable ARGS` and returns the job id it printed.
    func submit(_ sbatch: String, _ arguments: [String], in folder: URL) throws -> String {
        let out = folder.appendingPathComponent("sbatch.out"), err = folder.appendingPathComponent("sbatch.err")
        let result = try ChildProcess.run(executable: sbatch, arguments: ["--parsable"] + arguments, workingDirectory: folder,
                                          stdoutFile: out, stderrFile: err, timeout: 120)
        let printed = (try? String(contentsOf: out, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard result.status == .exited(0), let id = printed.split(separator: ";").first, !id.isEmpty else {
            let message = (try? String(contentsOf: err, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            printError("specbook slurm: error: sbatch failed (\(result.status)): \(message)")
            throw ExitCode(1)
        }
        return String(id)
    }
}
