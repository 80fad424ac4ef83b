import Foundation

/// The two batch scripts `specbook slurm` submits: a job array whose task i runs `specbook build --shard i/n`, and a
/// job that assembles the site from the cache once every shard has finished (`--dependency=afterok`).
///
/// ```swift
/// let scripts = SlurmScripts(specbook: "/usr/local/bin/specbook", projectRoot: root, shards: 8,
///                            buildArguments: ["notebooks", "-P", "profile=cluster"])
/// print(scripts.shardArray)   // #!/bin/bash, #SBATCH --array=0-7, ...
/// ```
/// **Edge cases:** arguments are quoted for the shell; `partition` and `time` are left out when nil; the cache must be
/// on a filesystem every node sees (the project folder), since the shards write into it and the last job reads it.
public struct SlurmScripts: Sendable, Equatable {
    public var specbook: String
    public var projectRoot: URL
    public var shards: Int
    /// Paths and `-P` options, passed to every `specbook build`.
    public var buildArguments: [String]
    public var partition: String?
    public var time: String?
    /// Cores per shard: its sweeps run this many points at once.
    public var cpusPerTask: Int = 1
    /// Where the jobs' logs go.
    public var logFolder: URL

    public init(specbook: String, projectRoot: URL, shards: Int, buildArguments: [String], partition: String? = nil,
                time: String? = nil, cpusPerTask: Int = 1, logFolder: URL? = nil) {
        self.specbook = specbook
        self.projectRoot = projectRoot
        self.shards = shards
        self.buildArguments = buildArguments
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.logFolder = logFolder ?? projectRoot.appendingPathComponent(".specbook-cache/slurm")
    }

    /// The job array: task i runs shard i of n into the cache.
    public var shardArray: String {
        header(name: "specbook-shards", log: "shard-%a.log", extra: ["--array=0-\(shards - 1)", "--cpus-per-task=\(cpusPerTask)"])
            + "exec \(Self.quote(specbook)) build --shard \"$SLURM_ARRAY_TASK_ID/\(shards)\" --jobs \(cpusPerTask) "
            + buildArguments.map(Self.quote).joined(separator: " ") + "\n"
    }

    /// The last job: builds the site from what the shards stored (anything missing is computed here).
    public var assemble: String {
        header(name: "specbook-site", log: "site.log", extra: ["--cpus-per-task=\(cpusPerTask)"])
            + "exec \(Self.quote(specbook)) build --jobs \(cpusPerTask) " + buildArguments.map(Self.quote).joined(separator: " ") + "\n"
    }

    func header(name: String, log: String, extra: [String]) -> String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(name)", "#SBATCH --output=\(logFolder.appendingPathComponent(log).path)"]
        lines += extra.map { "#SBATCH \($0)" }
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        lines += ["set -euo pipefail", "cd \(Self.quote(projectRoot.path))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one shell word.
    static func quote(_ text: String) -> String {
        guard text.contains(where: { !($0.isLetter || $0.isNumber || "-_./=:+,@%".contains($0)) }) else { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
