// fmt.Sprintf, fmt.Sprint and fmt.Sprintln for template values: the verbs
// blueprints use (%s %v %d %q %t %f %e %g %x %o %b %c %T %%), flags, width and
// precision, and Go's %!verb(type=value) markers for mismatches.

import BlueprintSema

enum GoPrintf {
    struct Spec {
        var minus = false, plus = false, zero = false, space = false, sharp = false
        var width: Int?
        var precision: Int?
        var verb: Character = "v"
    }

    static func sprintf(_ format: String, _ arguments: [TemplateValue]) -> String {
        var out = ""
        var next = 0
        var characters = Substring(format)
        while let percent = characters.firstIndex(of: "%") {
            out += characters[..<percent]
            characters = characters[characters.index(after: percent)...]
            var spec = Spec()
            parseFlags(&characters, &spec)
            spec.width = parseNumber(&characters, arguments, &next)
            if characters.first == "." {
                characters = characters.dropFirst()
                spec.precision = parseNumber(&characters, arguments, &next) ?? 0
            }
            guard let verb = characters.first else {
                out += "%!(NOVERB)"
                break
            }
            characters = characters.dropFirst()
            spec.verb = verb
            if verb == "%" {
                out += "%"
                continue
            }
            guard next < arguments.count else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            out += formatArgument(arguments[next], spec)
            next += 1
        }
        out += characters
        if next < arguments.count {
            let extra = arguments[next...].map { "\($0.goTypeName)=\($0.printed(topLevel: false))" }
            out += "%!(EXTRA " + extra.joined(separator: ", ") + ")"
        }
        return out
    }

    static func parseFlags(_ characters: inout Substring, _ spec: inout Spec) {
        while let flag = characters.first {
            switch flag {
            case "-": spec.minus = true
            case "+": spec.plus = true
            case "0": spec.zero = true
            case " ": spec.space = true
            case "#": spec.sharp = true
            default: return
            }
            characters = characters.dropFirst()
        }
    }

    static func parseNumber(_ characters: inout Substring, _ arguments: [TemplateValue], _ next: inout Int) -> Int? {
        if characters.first == "*" {
            characters = characters.dropFirst()
            guard next < arguments.count, case .int(let value) = arguments[next] else { return nil }
            next += 1
            return value
        }
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        characters = characters.dropFirst(digits.count)
        return Int(digits)
    }

    static func formatArgument(_ value: TemplateValue, _ spec: Spec) -> String {
        guard let body = formatBody(value, spec) else {
            return "%!\(spec.verb)(\(value.goTypeName)=\(value.printed(topLevel: false)))"
        }
        return padded(body, spec, isNumeric: value.isNumber)
    }

    // One case per verb.
    static func formatBody(_ value: TemplateValue, _ spec: Spec) -> String? {
        switch (spec.verb, value) {
        case ("v", _): return signed(value, spec) ?? value.printed(topLevel: false)
        case ("T", _): return value.goTypeName
        case ("s", .string(let text)): return spec.precision.map { String(text.prefix($0)) } ?? text
        case ("s", .bytes(let bytes)): return String(decoding: bytes, as: UTF8.self)
        case ("s", .list), ("s", .map), ("d", .list), ("d", .map): return value.printed(topLevel: false)
        case ("s", .time(let time)): return time.goDescription
        case ("q", .string(let text)): return GoQuote.quote(text)
        case ("q", .int(let code)): return "'" + String(Character(Unicode.Scalar(UInt32(clamping: code)) ?? "\u{FFFD}")) + "'"
        case ("t", .bool(let flag)): return flag ? "true" : "false"
        case ("d", .int): return signed(value, spec)
        case ("x", .int(let number)), ("X", .int(let number)):
            let text = (number < 0 ? "-" : "") + (spec.sharp ? "0x" : "") + String(number.magnitude, radix: 16)
            return spec.verb == "X" ? text.uppercased() : text
        case ("x", .string(let text)), ("X", .string(let text)):
            let hex = text.utf8.map { GoQuote.hex(UInt32($0), 2) }.joined()
            return spec.verb == "X" ? hex.uppercased() : hex
        case ("o", .int(let number)): return (number < 0 ? "-" : "") + String(number.magnitude, radix: 8)
        case ("b", .int(let number)): return (number < 0 ? "-" : "") + String(number.magnitude, radix: 2)
        case ("c", .int(let code)): return String(Character(Unicode.Scalar(UInt32(clamping: code)) ?? "\u{FFFD}"))
        case ("f", .float(let number)), ("F", .float(let number)):
            return sign(number, spec) + GoNumberFormat.fixed(Swift.abs(number), precision: spec.precision ?? 6, style: "f")
        case ("e", .float(let number)), ("E", .float(let number)):
            let text = GoNumberFormat.fixed(Swift.abs(number), precision: spec.precision ?? 6, style: "e")
            return sign(number, spec) + (spec.verb == "E" ? text.uppercased() : text)
        case ("g", .float(let number)), ("G", .float(let number)):
            if let precision = spec.precision {
                return sign(number, spec) + GoNumberFormat.fixed(Swift.abs(number), precision: precision, style: "g")
            }
            return signed(value, spec)
        default: return nil
        }
    }

    static func sign(_ number: Double, _ spec: Spec) -> String {
        number.sign == .minus ? "-" : spec.plus ? "+" : spec.space ? " " : ""
    }

    static func signed(_ value: TemplateValue, _ spec: Spec) -> String? {
        switch value {
        case .int(let number): return (number < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "") + String(number.magnitude)
        case .float(let number): return sign(number, spec) + GoNumberFormat.general(Swift.abs(number))
        default: return nil
        }
    }

    static func padded(_ body: String, _ spec: Spec, isNumeric: Bool) -> String {
        guard let width = spec.width, body.count < width else { return body }
        let fill = width - body.count
        if spec.minus { return body + String(repeating: " ", count: fill) }
        if spec.zero && isNumeric {
            var digits = Substring(body)
            var sign = ""
            if let first = digits.first, first == "-" || first == "+" {
                sign = String(first)
                digits = digits.dropFirst()
            }
            return sign + String(repeating: "0", count: fill) + digits
        }
        return String(repeating: " ", count: fill) + body
    }

    /// fmt.Sprint: a space between operands when neither is a string.
    static func sprint(_ values: [TemplateValue]) -> String {
        var out = ""
        for (position, value) in values.enumerated() {
            if position > 0, !value.isString, !values[position - 1].isString { out += " " }
            out += value.printed(topLevel: false)
        }
        return out
    }

    static func sprintln(_ values: [TemplateValue]) -> String {
        values.map { $0.printed(topLevel: false) }.joined(separator: " ") + "\n"
    }
}

extension TemplateValue {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }

    var isNumber: Bool {
        switch self {
        case .int, .float: true
        default: false
        }
    }
}
