import Foundation

/// A dynamic library notebook programs link besides `Specbook`: the project's `lib/` module or its packages' products.
///
/// ```swift
/// var compiler = NotebookCompiler(library: library)
/// compiler.modules = [packages, projectLibrary].compactMap { $0 }
/// ```
public struct LinkedModule: Codable, Sendable, Equatable {
    /// The folder the paths below are relative to (not stored, so a moved project keeps its built modules).
    public var folder: URL { URL(fileURLWithPath: base) }
    var base: String
    /// `-I` folders relative to ``folder``: Swift modules and C module maps.
    var includes: [String]
    /// The folder of the library file, relative to ``folder``.
    var libraryFolder: String
    /// `-l` name: `libNAME.so`.
    public var libraryName: String
    /// What every cache key it joins hashes: a digest of everything it is built from.
    public var key: String
    /// The import lines every notebook program starts with (none for packages: a notebook imports what it uses).
    public var imports: [String]
    /// What the module was built from, for a page's footer: `swift-numerics 1.1.1` per resolved package.
    public var versions: [String] = []

    init(folder: URL, includes: [String], libraryFolder: String, libraryName: String, key: String, imports: [String]) {
        base = folder.path
        self.includes = includes
        self.libraryFolder = libraryFolder
        self.libraryName = libraryName
        self.key = key
        self.imports = imports
    }

    /// Absolute `-I` paths.
    public var includePaths: [String] { includes.map { folder.appendingPathComponent($0).path } }
    /// The absolute folder of `libNAME.so`, for `-L` and the run path.
    public var libraryPath: String { folder.appendingPathComponent(libraryFolder).path }

    /// swiftc arguments that make the module importable and link its library (with a run path to it).
    public var compilerArguments: [String] {
        includePaths.flatMap { ["-I", $0] }
            + ["-L", libraryPath, "-l\(libraryName)", "-Xlinker", "-rpath", "-Xlinker", libraryPath]
    }

    /// Reads a module description written by ``write(to:)``, re-rooted at `folder`.
    static func read(from file: URL) -> LinkedModule? {
        guard let data = try? Data(contentsOf: file), var module = try? JSONDecoder().decode(LinkedModule.self, from: data) else {
            return nil
        }
        module.base = file.deletingLastPathComponent().path
        return module
    }

    func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: file, options: .atomic)
    }
}
