// specbook-serve SITE HOST PORT: the loopback server behind `specbook preview`.
//
// Prints `listening PORT` on stdout once it listens (PORT 0 picks a free one), then reads stdin: each line
// `reload` makes the open pages reload; end of input (the preview command ended) stops the server.
import Foundation
import SpecbookPreview

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = UInt16(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: specbook-serve SITE HOST PORT\n".utf8))
    exit(2)
}
let server: PreviewServer
let bound: UInt16
do {
    server = try PreviewServer(site: URL(fileURLWithPath: arguments[1]), host: arguments[2], port: port)
    bound = try await server.start()
} catch {
    FileHandle.standardError.write(Data("specbook: error: cannot listen on \(arguments[2]):\(port) (\(error))\n".utf8))
    exit(1)
}
print("listening \(bound)")
fflush(stdout)
while let line = readLine() {
    if line == "reload" { server.reload() }
}
await server.stop()
