import SpecbookNotebook
import XCTest

/// Test vectors from FIPS 180-4 examples.
final class ContentHashTests: XCTestCase {
    func digest(_ text: String) -> String {
        var h = ContentHash()
        h.update(text)
        return h.hexDigest()
    }

    func testKnownVectors() {
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(digest(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testIncrementalUpdatesMatchOneShot() {
        var h = ContentHash()
        for chunk in ["ab", "c", "dbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"] { h.update(chunk) }
        XCTAssertEqual(h.hexDigest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

extension ContentHashTests {
    func testFileDigestMatchesSha256sumAndMissingFileIsNil() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-hash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        // Larger than one read chunk, so the chunked path is exercised.
        try Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        process.waitUntilExit()
        XCTAssertEqual(ContentHash.file(file), String(expected))
        XCTAssertNil(ContentHash.file(file.appendingPathExtension("missing")))
    }
}
