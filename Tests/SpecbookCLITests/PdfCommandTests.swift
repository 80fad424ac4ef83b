import Foundation
import XCTest

/// `specbook pdf` with headless Chromium, read back with poppler's pdftotext, pdfinfo and pdffonts.
final class PdfCommandTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        try Fixture.requireFreshBuild()
        fixture = try Fixture()
        try fixture.write("specbook.yml", "title: A Printed Report\ndescription: Two chapters and a figure.\n")
        try fixture.write("references.bib", "@misc{xu2019,\n  title = {Frequency Principle: Fourier Analysis Sheds Light on Deep Neural Networks},\n"
                          + "  author = {Xu, Zhi-Qin John}, year = {2019}, url = {https://arxiv.org/abs/1901.06523}\n}\n")
        try fixture.write("notebooks/one.md", """
            ---
            title: The first chapter
            order: 1
            ---

            See @two#fig-wave and @eq-one, as in [@xu2019].

            $$a = b$$ {#eq-one}

            ```swift
            //| code-fold: true
            let hiddenUntilOpened = 1
            print("folded code ran")
            ```
            """)
        try fixture.write("notebooks/two.md", """
            ---
            title: The second chapter
            order: 2
            ---

            A wave, again [@xu2019].

            ```swift
            //| label: fig-wave
            //| caption: One period of a sine.
            let xs = (0..<50).map { Double($0) / 49 }
            let figure = Figure()
            try figure.axes.line(x: xs, y: xs.map { sin(2 * .pi * $0) })
            try show(figure)
            let visibleCodeLine = 2
            ```
            """)
    }

    override func tearDown() { fixture?.remove() }

    func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(name) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func pages(_ pdf: String) throws -> [String] {
        try tool("pdftotext", ["-layout", pdf, "-"]).components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    func testTitleContentsChaptersPageNumbersAndLinks() throws {
        let run = try fixture.specbook(["pdf", "--out", "out/report.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let pdf = fixture.root.appendingPathComponent("out/report.pdf").path
        let text = try pages(pdf)
        XCTAssertTrue(run.stderr.contains("wrote out/report.pdf: \(text.count) pages, 3 chapters"), run.stderr)
        XCTAssertGreaterThanOrEqual(text.count, 4, "title, contents, two chapters")
        XCTAssertTrue(text[0].contains("A Printed Report") && text[0].contains("Two chapters and a figure."))
        XCTAssertTrue(text[1].contains("Contents"))
        // Each contents line names the page its chapter starts on, and that page starts the chapter.
        for title in ["The first chapter", "The second chapter", "References"] {
            let line = try XCTUnwrap(text[1].split(separator: "\n").first { $0.contains(title) }, text[1])
            let number = try XCTUnwrap(Int(line.split(separator: " ").last ?? ""), String(line))
            XCTAssertTrue(text[number - 1].contains(title), "page \(number) starts \(title)")
            XCTAssertTrue(text[number - 1].contains("\(number)/\(text.count)"), "page number in the footer of page \(number)")
            XCTAssertTrue(text[number - 1].contains("A Printed Report"), "running header")
        }
        let all = text.joined()
        XCTAssertTrue(all.contains("Figure 1 of The second chapter") && all.contains("Equation (1)"), "references resolve")
        XCTAssertTrue(all.contains("visibleCodeLine"), "unfolded code prints")
        XCTAssertFalse(all.contains("hiddenUntilOpened"), "folded code stays folded")
        XCTAssertTrue(all.contains("One period of a sine."))
        XCTAssertTrue(all.contains("(1)"), "the equation's number")
        XCTAssertEqual(all.components(separatedBy: "Fourier analysis sheds light").count - 1, 1,
                       "one References chapter lists the entry once")
        XCTAssertTrue(text.last?.contains("References") == true && text.last?.contains("[1]") == true)
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        XCTAssertGreaterThanOrEqual(raw.components(separatedBy: "/Subtype /Link").count - 1, 3, "contents and references are links")
        let fonts = try tool("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for font in fonts { XCTAssertTrue(font.contains(" yes yes "), "embedded: \(font)") }

        let bare = try fixture.specbook(["pdf", "--no-code", "--out", "bare.pdf"])
        XCTAssertEqual(bare.status, 0, bare.stderr)
        XCTAssertFalse(try pages(fixture.root.appendingPathComponent("bare.pdf").path).joined().contains("visibleCodeLine"),
                       "--no-code leaves code out")
    }
}
