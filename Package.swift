// swift-tools-version:6.0
// bpc: the blueprint compiler. Layers follow ARCHITECTURE.md; imports only go down.
import PackageDescription

// The libFuzzer harness is a target only in the fuzz build (BPC_FUZZ=1, with the
// sanitizer flags and scratch path Fuzz/run.sh gives); the normal build never sees it.
let fuzzTargets: [Target] =
    Context.environment["BPC_FUZZ"] == nil
    ? [] : [.executableTarget(name: "bpc-fuzz", dependencies: ["FuzzChecks"], path: "Fuzz/Harness")]

/// What the static FoundationEssentials archives need after them
/// (`-static-executable` names only the Swift runtime's); listed twice so that
/// archive order does not matter. No module of bpc imports Foundation itself
/// (its ICU and records cost every command's start; `LayeringTests`).
let staticFoundation = [
    "-lFoundationEssentials", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization", "-lswiftDispatch",
    "-ldispatch", "-lBlocksRuntime",
]
let staticArchives = staticFoundation + staticFoundation + ["-lstdc++", "-lm"]

let package = Package(
    name: "bpc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bpc", targets: ["bpc"]),
        .executable(name: "bpc-bench", targets: ["bpc-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // glibc's mallopt for HeapTuning (a static bpc cannot look it up at run time).
        .target(name: "CHeapTuning"),
        .target(name: "BlueprintSyntax"),
        .target(name: "BlueprintSema", dependencies: ["BlueprintSyntax"]),
        .target(name: "BlueprintPlan", dependencies: ["BlueprintSyntax", "BlueprintSema"]),
        .target(name: "KanisterYAML", dependencies: ["CLibYAML", "BlueprintSyntax", "BlueprintSema", "BlueprintPlan"]),
        .target(name: "BlueprintRuntime", dependencies: ["BlueprintSyntax", "BlueprintSema", "BlueprintPlan"]),
        .target(name: "BlueprintLSP", dependencies: ["BlueprintSyntax", "BlueprintSema", "KanisterYAML"]),
        .executableTarget(
            name: "bpc",
            dependencies: [
                "BlueprintSyntax", "BlueprintSema", "BlueprintPlan", "KanisterYAML", "BlueprintRuntime", "BlueprintLSP", "CHeapTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release bpc is one static executable (Swift runtime,
            // FoundationEssentials, libyaml, libstdc++ and glibc linked in, not position-independent): a
            // dynamic one spent a third of a small `bpc lint` binding symbols in
            // the loader, and a PIE one relocating its metadata, which also faulted
            // in every page of it. Debug builds and tests keep the shared libraries.
            linkerSettings: [
                .unsafeFlags(["-static-executable"] + staticArchives, .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "bpc-bench",
            dependencies: ["BlueprintSyntax", "BlueprintSema", "BlueprintPlan", "KanisterYAML", "BlueprintRuntime", "BlueprintLSP", "CHeapTuning"]
        ),
        .testTarget(name: "BlueprintSyntaxTests", dependencies: ["BlueprintSyntax"], exclude: ["Fixtures"]),
        .testTarget(name: "BlueprintSemaTests", dependencies: ["BlueprintSema", "BlueprintSyntax", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "BlueprintPlanTests", dependencies: ["BlueprintPlan", "BlueprintSema", "BlueprintSyntax", "KanisterYAML", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .target(name: "TestSupport", dependencies: ["BlueprintSyntax"], path: "Tests/TestSupport"),
        .testTarget(
            name: "KanisterYAMLTests",
            dependencies: ["KanisterYAML", "BlueprintPlan", "BlueprintSema", "BlueprintSyntax", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BlueprintRuntimeTests",
            dependencies: ["BlueprintRuntime", "BlueprintPlan", "BlueprintSema", "BlueprintSyntax", "KanisterYAML", "TestSupport", "bpc"]
        ),
        .testTarget(name: "BlueprintLSPTests", dependencies: ["BlueprintLSP", "BlueprintSema", "BlueprintSyntax", "KanisterYAML", "TestSupport"]),
        .testTarget(name: "bpcTests", dependencies: ["bpc", "BlueprintLSP", "BlueprintSyntax", "BlueprintSema", "KanisterYAML", "TestSupport"]),
        .target(name: "FuzzChecks", dependencies: ["BlueprintSyntax", "BlueprintSema", "KanisterYAML", "BlueprintLSP"], path: "Fuzz/Checks"),
        .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzChecks", "BlueprintSema", "BlueprintSyntax"], exclude: ["Fixtures"]),
    ] + fuzzTargets,
    swiftLanguageModes: [.v6]
)
