/// The TeX command tables the MathML converter knows: letters, symbols, operators, functions, accents, spaces.
///
/// ```swift
/// MathSymbols.greek["alpha"]   // "α"
/// MathSymbols.relations["le"]  // "≤"
/// ```
enum MathSymbols {
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς",
        "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    /// Upright capitals (TeX sets capital Greek upright).
    static let greekCapitals: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols, set as upright identifiers.
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅",
        "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "prime": "′",
        "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△", "dagger": "†", "star": "⋆",
    ]

    /// Binary operators, relations, arrows and punctuation, set as `<mo>`.
    static let relations: [String: String] = [
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
        "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "prec": "≺", "succ": "≻",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺", "mapsto": "↦", "longrightarrow": "⟶",
        "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓", "hookrightarrow": "↪",
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "circ": "∘", "bullet": "∙",
        "oplus": "⊕", "otimes": "⊗", "odot": "⊙", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "setminus": "∖",
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
        "cup": "∪", "cap": "∩", "perp": "⊥", "parallel": "∥", "mid": "∣", "nmid": "∤",
        "cdots": "⋯", "ldots": "…", "dots": "…", "vdots": "⋮", "ddots": "⋱", "colon": ":",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖",
        "{": "{", "}": "}", "backslash": "\\", "%": "%", "$": "$", "#": "#", "&": "&", "_": "_",
    ]

    /// Large operators: summation-like ones take their limits above and below in display math.
    static let largeOperators: [String: (symbol: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true), "bigcap": ("⋂", true),
        "bigoplus": ("⨁", true), "bigotimes": ("⨂", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
    ]

    /// Named functions, set upright; the second value says whether limits go underneath (`\lim_{x \to 0}`).
    static let functions: [String: Bool] = [
        "sin": false, "cos": false, "tan": false, "cot": false, "sec": false, "csc": false, "arcsin": false,
        "arccos": false, "arctan": false, "sinh": false, "cosh": false, "tanh": false, "coth": false, "exp": false,
        "log": false, "ln": false, "lg": false, "arg": false, "deg": false, "dim": false, "ker": false, "hom": false,
        "det": true, "gcd": true, "lim": true, "liminf": true, "limsup": true, "max": true, "min": true,
        "sup": true, "inf": true, "Pr": true, "argmin": true, "argmax": true,
    ]

    /// Accents over (or under) their argument: the mark and whether it stretches with the argument.
    static let accents: [String: (mark: String, stretchy: Bool, under: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", true, false), "tilde": ("~", false, false),
        "widetilde": ("~", true, false), "bar": ("¯", false, false), "overline": ("‾", true, false),
        "vec": ("→", false, false), "overrightarrow": ("→", true, false), "dot": ("˙", false, false),
        "ddot": ("¨", false, false), "check": ("ˇ", false, false), "breve": ("˘", false, false),
        "acute": ("´", false, false), "grave": ("`", false, false), "underline": ("_", true, true),
        "overbrace": ("⏞", true, false), "underbrace": ("⏟", true, true),
    ]

    /// Spacing commands, as widths in em.
    static let spaces: [String: Double] = [
        ",": 0.1667, "thinspace": 0.1667, ":": 0.2222, ">": 0.2222, "medspace": 0.2222, ";": 0.2778,
        "thickspace": 0.2778, "!": -0.1667, "negthinspace": -0.1667, " ": 0.25, "quad": 1, "qquad": 2, "enspace": 0.5,
    ]

    /// Sizing prefixes before a delimiter (`\big(`, `\Bigl[`), with the size they ask for in em.
    static let delimiterSizes: [String: Double] = [
        "big": 1.2, "bigl": 1.2, "bigr": 1.2, "bigm": 1.2, "Big": 1.8, "Bigl": 1.8, "Bigr": 1.8, "Bigm": 1.8,
        "bigg": 2.4, "biggl": 2.4, "biggr": 2.4, "Bigg": 3.0, "Biggl": 3.0, "Biggr": 3.0,
    ]

    /// Maps a letter or digit to its styled Unicode form (`\mathbb{R}` -> ℝ); nil when there is none.
    static func styled(_ c: Unicode.Scalar, font: String) -> String? {
        let upper = ("A"..."Z").contains(c), lower = ("a"..."z").contains(c), digit = ("0"..."9").contains(c)
        let letterOffset = upper ? Int(c.value - 65) : lower ? 26 + Int(c.value - 97) : -1
        func scalar(_ base: UInt32, _ offset: Int) -> String? {
            Unicode.Scalar(base + UInt32(offset)).map { String(Character($0)) }
        }
        switch font {
        case "mathbb":
            let holes: [Unicode.Scalar: String] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let hole = holes[c] { return hole }
            if digit { return scalar(0x1D7D8, Int(c.value - 48)) }
            return letterOffset >= 0 ? scalar(0x1D538, letterOffset) : nil
        case "mathcal", "mathscr":
            let holes: [Unicode.Scalar: String] = [
                "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ",
            ]
            if let hole = holes[c] { return hole }
            return letterOffset >= 0 ? scalar(0x1D49C, letterOffset) : nil
        case "mathbf", "boldsymbol", "bm":
            if digit { return scalar(0x1D7CE, Int(c.value - 48)) }
            return letterOffset >= 0 ? scalar(0x1D400, letterOffset) : nil
        case "mathsf":
            if digit { return scalar(0x1D7E2, Int(c.value - 48)) }
            return letterOffset >= 0 ? scalar(0x1D5A0, letterOffset) : nil
        case "mathtt":
            if digit { return scalar(0x1D7F6, Int(c.value - 48)) }
            return letterOffset >= 0 ? scalar(0x1D670, letterOffset) : nil
        case "mathfrak":
            let holes: [Unicode.Scalar: String] = ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
            if let hole = holes[c] { return hole }
            return letterOffset >= 0 ? scalar(0x1D504, letterOffset) : nil
        default:
            return nil
        }
    }

    static let fonts: Set<String> = ["mathbb", "mathcal", "mathscr", "mathbf", "boldsymbol", "bm", "mathsf", "mathtt",
                                     "mathfrak", "mathrm", "mathit", "mathnormal"]
}
