// `bpc run` against a real PostgreSQL server: .ci/postgres-e2e.sh starts one on
// loopback and runs backup/restore, a failing run with rollback and a killed
// run that is resumed. Skipped only outside CI when PostgreSQL is not installed.

import Foundation
import TestSupport
import Testing

enum PostgresEnvironment {
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false }

    static var hasServer: Bool {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
    }

    /// Runs unless we are outside CI and PostgreSQL is absent (in CI a missing server fails the test).
    static var shouldRun: Bool { isCI || hasServer }

    /// The bpc built next to this test bundle.
    static var bpcPath: String {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("bpc").path
    }
}

@Suite(.serialized) struct PostgresEndToEndTests {
    @Test(.enabled(if: PostgresEnvironment.shouldRun, "PostgreSQL is not installed (apt-get install postgresql); CI always runs this"))
    func backupRestoreRollbackAndResume() throws {
        #expect(PostgresEnvironment.hasServer, "CI must install postgresql (.ci/deps.sh)")
        let bpc = PostgresEnvironment.bpcPath
        #expect(FileManager.default.isExecutableFile(atPath: bpc), "bpc not found at \(bpc)")
        let script = TestSupport.packageRoot.appendingPathComponent(".ci/postgres-e2e.sh").path
        let result = try TestSupport.run("/usr/bin/env", ["BPC=\(bpc)", "bash", script])
        #expect(result.status == 0, "postgres-e2e.sh failed:\n\(result.output)\n\(result.errors)")
        #expect(result.output.contains("postgres-e2e: OK"))
    }
}
