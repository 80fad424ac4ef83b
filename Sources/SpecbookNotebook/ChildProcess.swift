import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started in its own process group, with stdout and stderr sent to files.
///
/// Files instead of pipes: the child can print any amount without blocking or filling memory, and the
/// output survives a crash. On timeout the whole process group is killed, children it forked included.
public enum ChildProcess {
    public enum Status: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    public struct Result: Sendable {
        public var status: Status
        public var seconds: Double
    }

    /// The first of `names` found on the PATH, as a full path; nil when none is installed.
    ///
    /// ```swift
    /// ChildProcess.executable(named: ["chromium", "google-chrome"])   // "/usr/bin/chromium"
    /// ```
    public static func executable(named names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    /// The process group of the child currently running, for Ctrl-C handling.
    nonisolated(unsafe) public static var activeGroups = Set<pid_t>()
    static let lock = NSLock()

    public static func run(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        workingDirectory: URL, stdoutFile: URL, stderrFile: URL, timeout: Double,
        onTick: (() -> Void)? = nil
    ) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if stderrFile == stdoutFile {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        _ = spawnAddChdir(&actions, workingDirectory.path)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGINT)
        sigaddset(&defaultSignals, SIGTERM)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var pid: pid_t = 0
        let start = Date()
        let rc = withCStrings(argv) { argvPointers in
            withCStrings(env) { envPointers in
                posix_spawn(&pid, executable, &actions, &attributes, argvPointers, envPointers)
            }
        }
        guard rc == 0 else {
            throw NotebookError(file: executable, "cannot start the process: \(String(cString: strerror(rc)))")
        }
        lock.lock(); activeGroups.insert(pid); lock.unlock()
        defer {
            // Anything the child left behind in its group goes with it.
            kill(-pid, SIGKILL)
            lock.lock(); activeGroups.remove(pid); lock.unlock()
        }

        var status: Int32 = 0
        var delay: useconds_t = 1000
        var lastTick = start
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR {
                throw NotebookError(file: executable, "waiting for the process failed: \(String(cString: strerror(errno)))")
            }
            if Date().timeIntervalSince(start) > timeout {
                killTree(pid)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return Result(status: .timedOut, seconds: Date().timeIntervalSince(start))
            }
            if let onTick, Date().timeIntervalSince(lastTick) > 0.2 {
                lastTick = Date()
                onTick()
            }
            usleep(delay)
            delay = min(delay * 2, 5_000)
        }
        let seconds = Date().timeIntervalSince(start)
        if status & 0x7f == 0 {
            return Result(status: .exited((status >> 8) & 0xff), seconds: seconds)
        }
        return Result(status: .signalled(status & 0x7f), seconds: seconds)
    }

    /// Kills every running child's process group (Ctrl-C during a build).
    public static func killAll() {
        lock.lock()
        let groups = activeGroups
        lock.unlock()
        for group in groups { killTree(group) }
    }

    /// Kills `root`, every process descending from it (even one that moved to its own process group or
    /// session, as Foundation's Process does), and their groups.
    public static func killTree(_ root: pid_t) {
        var children: [pid_t: [pid_t]] = [:]
        var groups: [pid_t: pid_t] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the command name: state, ppid, pgrp.
            guard fields.count > 2, let ppid = pid_t(fields[1]), let pgid = pid_t(fields[2]) else { continue }
            children[ppid, default: []].append(pid)
            groups[pid] = pgid
        }
        var doomed: [pid_t] = []
        var queue = [root]
        var seen = Set<pid_t>()
        while let pid = queue.popLast() {
            guard seen.insert(pid).inserted else { continue }
            doomed.append(pid)
            queue += children[pid] ?? []
        }
        let ownGroup = getpgrp()
        for pid in doomed {
            kill(pid, SIGKILL)
            if let group = groups[pid], group != ownGroup, group > 1 { kill(-group, SIGKILL) }
        }
        kill(-root, SIGKILL)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// glibc's posix_spawn_file_actions_addchdir_np (2.29+), which its headers hide from Swift.
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32
