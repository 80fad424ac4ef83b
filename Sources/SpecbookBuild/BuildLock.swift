import Foundation

/// An exclusive lock on a project's cache folder: a second build waits for the first.
struct BuildLock {
    private let fd: Int32

    init(file: URL, onWait: () -> Void) throws {
        let path = file.path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError(["\(path): error: cannot open the build lock: \(String(cString: strerror(errno)))"]) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
