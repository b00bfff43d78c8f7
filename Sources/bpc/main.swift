import BlueprintSyntax
import Foundation
let path = CommandLine.arguments[1]
let data = FileManager.default.contents(atPath: path) ?? Data()
let file = SourceFile(path: path, bytes: [UInt8](data))
let result = Parser.parse(file)
print(DiagnosticRenderer().render(result.diagnostics, in: file), terminator: "")
