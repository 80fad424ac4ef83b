/// TeX commands in math: `\frac`, `\sqrt`, `\left`, accents, fonts, `\text`, symbols from ``MathSymbols``.
///
/// ```swift
/// MathML.render(#"\left( \frac{1}{2} \right)"#)
/// ```
/// **Edge cases:** an unknown command becomes `<merror>` holding its source; its argument, if any, is then
/// read as ordinary math, so nothing the notebook wrote disappears.
extension TeXParser {
    mutating func parseCommand() -> Atom {
        let start = i
        guard let name = readCommand() else {
            i += 1
            return Atom(xml: Self.error("\\"))
        }
        if let glyph = MathSymbols.greek[name] {
            return Atom(xml: font == "boldsymbol" || font == "bm" ? "<mi mathvariant=\"bold-italic\">\(glyph)</mi>" : "<mi>\(glyph)</mi>")
        }
        if let glyph = MathSymbols.greekCapitals[name] ?? MathSymbols.ordinary[name] {
            return Atom(xml: "<mi mathvariant=\"normal\">\(glyph)</mi>")
        }
        if let glyph = MathSymbols.relations[name] { return Atom(xml: Self.operatorElement(glyph)) }
        if let op = MathSymbols.largeOperators[name] {
            return Atom(xml: "<mo largeop=\"true\" movablelimits=\"\(op.limits)\">\(op.symbol)</mo>", limits: op.limits)
        }
        if let limits = MathSymbols.functions[name] {
            return limits
                ? Atom(xml: "<mo form=\"prefix\" movablelimits=\"true\">\(name)</mo>", limits: true)
                : Atom(xml: "<mi>\(name)</mi>", trailing: "<mo>\u{2061}</mo>", function: true)
        }
        if let width = MathSymbols.spaces[name] { return Atom(xml: "<mspace width=\"\(width)em\"></mspace>") }
        if let size = MathSymbols.delimiterSizes[name] {
            return Atom(xml: delimiter(stretchy: true, size: size) ?? Self.error("\\" + name))
        }
        if let accent = MathSymbols.accents[name] {
            let argument = parseArgument()
            let mark = "<mo stretchy=\"\(accent.stretchy)\">\(HTML.escape(accent.mark))</mo>"
            return Atom(xml: accent.under
                ? "<munder accentunder=\"true\">\(argument)\(mark)</munder>"
                : "<mover accent=\"true\">\(argument)\(mark)</mover>")
        }
        if MathSymbols.fonts.contains(name) {
            let saved = font
            font = name == "mathit" || name == "mathnormal" ? nil : name
            defer { font = saved }
            return Atom(xml: parseArgument())
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let fraction = "<mfrac>\(parseArgument())\(parseArgument())</mfrac>"
            if name == "frac" { return Atom(xml: fraction) }
            return Atom(xml: "<mstyle displaystyle=\"\(name != "tfrac")\">\(fraction)</mstyle>")
        case "binom", "dbinom", "tbinom":
            return Atom(xml: "<mrow><mo>(</mo><mfrac linethickness=\"0\">\(parseArgument())\(parseArgument())</mfrac><mo>)</mo></mrow>")
        case "sqrt":
            skipSpaces()
            if peek() == "[" {
                i += 1
                let index = Self.row(parseRow(.bracket))
                return Atom(xml: "<mroot>\(parseArgument())\(index)</mroot>")
            }
            return Atom(xml: "<msqrt>\(parseArgument())</msqrt>")
        case "text", "textrm", "textnormal", "textit", "textbf", "textsf", "texttt", "mbox", "hbox":
            let text = rawGroup()
            var escaped = HTML.escape(text)
            if escaped.hasPrefix(" ") { escaped = "\u{A0}" + escaped.dropFirst() }
            if escaped.hasSuffix(" ") { escaped = escaped.dropLast() + "\u{A0}" }
            return Atom(xml: "<mtext>\(escaped)</mtext>")
        case "operatorname", "mathop":
            let starred = peek() == "*"
            if starred { i += 1 }
            let text = HTML.escape(rawGroup())
            return starred
                ? Atom(xml: "<mo form=\"prefix\" movablelimits=\"true\">\(text)</mo>", limits: true)
                : Atom(xml: "<mi>\(text)</mi>", trailing: "<mo>\u{2061}</mo>", function: true)
        case "overset", "stackrel", "underset":
            let mark = parseArgument(), base = parseArgument()
            return Atom(xml: name == "underset" ? "<munder>\(base)\(mark)</munder>" : "<mover>\(base)\(mark)</mover>")
        case "left":
            let open = delimiter(stretchy: true, form: "prefix") ?? ""
            let inner = parseRow(.right).joined()
            var close = ""
            if commandName() == "right" {
                _ = readCommand()
                close = delimiter(stretchy: true, form: "postfix") ?? ""
            }
            return Atom(xml: "<mrow>\(open)\(inner)\(close)</mrow>")
        case "middle":
            return Atom(xml: delimiter(stretchy: true) ?? Self.error("\\middle"))
        case "limits", "nolimits":
            return Atom(xml: "<mrow></mrow>")
        case "\\":
            return Atom(xml: "<mspace width=\"1em\"></mspace>")
        case "begin":
            return Atom(xml: MathEnvironment.parse(&self, name: rawGroup()))
        default:
            return Atom(xml: Self.error(String(String.UnicodeScalarView(s[start..<i]))))
        }
    }

    /// Reads a delimiter after `\left`, `\right` or `\big`: `(`, `\{`, `\langle`, `.` (none), ...
    mutating func delimiter(stretchy: Bool, form: String? = nil, size: Double? = nil) -> String? {
        skipSpaces()
        guard let c = peek() else { return nil }
        var glyph: String
        if c == "\\" {
            guard let name = readCommand(), let g = MathSymbols.relations[name] else { return Self.error("\\") }
            glyph = g
        } else {
            i += 1
            glyph = String(c)
        }
        if glyph == "." { return "" }
        if glyph == "<" { glyph = "⟨" } else if glyph == ">" { glyph = "⟩" }
        var attributes = " stretchy=\"\(stretchy)\"" + (form.map { " form=\"\($0)\" fence=\"true\"" } ?? "")
        if let size { attributes += " minsize=\"\(size)em\" maxsize=\"\(size)em\"" }
        return "<mo\(attributes)>\(HTML.escape(glyph))</mo>"
    }
}
