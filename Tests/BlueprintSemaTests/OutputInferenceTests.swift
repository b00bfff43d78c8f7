// The output keys a command's text produces (OutputInference), case by case:
// kando output, kando location push, raw ###Phase-output### lines.

import BlueprintSema
import Testing

struct OutputInferenceCase: Sendable, CustomTestStringConvertible {
    var script: String
    var keys: Set<String>
    var isDynamic = false
    var testDescription: String { script }
}

@Suite struct OutputInferenceTests {
    static let cases: [OutputInferenceCase] = [
        OutputInferenceCase(script: "kando output path /data", keys: ["path"]),
        OutputInferenceCase(script: "kando output \"quoted\" 1; kando output 'single' 2", keys: ["quoted", "single"]),
        OutputInferenceCase(script: "kando output \"$KEY\" 1", keys: [], isDynamic: true),
        OutputInferenceCase(script: "tar c . | kando location push --profile p --path x -", keys: ["kandoOutput"]),
        OutputInferenceCase(script: "kando location push --profile p --output-name=snap -", keys: ["snap"]),
        OutputInferenceCase(script: "kando location push -o snap2 --path x -", keys: ["snap2"]),
        OutputInferenceCase(script: ####"echo '###Phase-output###: {"key":"size","value":"3"}'"####, keys: ["size"]),
        OutputInferenceCase(script: ####"echo "###Phase-output###: {\"key\":\"a.b-c\",\"value\":\"$V\"}""####, keys: ["a.b-c"]),
        OutputInferenceCase(script: ####"printf '###Phase-output###:{ "key" : "spaced" }'"####, keys: ["spaced"]),
        OutputInferenceCase(script: ####"echo "###Phase-output###: {\"key\":\"$K\",\"value\":1}""####, keys: [], isDynamic: true),
        OutputInferenceCase(script: ####"echo "###Phase-output###: $LINE""####, keys: [], isDynamic: true),
        OutputInferenceCase(script: "echo ###Phase-output### without colon", keys: []),
        OutputInferenceCase(script: "./dump.sh --output result", keys: []),
    ]

    @Test(arguments: cases)
    func keysOfAScript(_ testCase: OutputInferenceCase) {
        let inferred = OutputInference.keys(in: testCase.script)
        #expect(inferred.keys == testCase.keys)
        #expect(inferred.isDynamic == testCase.isDynamic)
    }

    @Test func onlyMultiContainerRunCollectsAnotherArgument() {
        #expect(OutputInference.collectedArgument(of: "MultiContainerRun") == "outputCommand")
        for function in ["KubeTask", "KubeExec", "KubeExecAll", "PrepareData"] {
            #expect(OutputInference.collectedArgument(of: function) == "command")
        }
    }
}
