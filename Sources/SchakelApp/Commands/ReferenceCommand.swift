import Fluent
import Foundation
import SchakelCore
import Vapor

/// `schakel reference import-municipalities FILE.csv`: loads or updates the full municipality list
/// (columns `nis_code,name_nl,name_fr,region_nis`). A file with any bad row loads nothing.
struct ReferenceCommandGroup: AsyncCommandGroup {
    var help: String { "Reference data." }
    var commands: [String: any AnyAsyncCommand] { ["import-municipalities": ImportMunicipalitiesCommand()] }
}

struct ImportMunicipalitiesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV file with nis_code,name_nl,name_fr,region_nis.") var file: String
    }

    var help: String { "Import municipalities with their NIS codes from a CSV file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let text = try String(contentsOfFile: signature.file, encoding: .utf8)
        let result = try await MunicipalityImport.run(csv: text, on: app.db)
        context.console.print("\(result.inserted) municipalities added, \(result.updated) updated.")
    }
}

enum MunicipalityImport {
    struct Failed: Error, CustomStringConvertible {
        let problems: [MunicipalityCSV.Problem]
        var description: String { "nothing imported:\n" + problems.map { "  \($0)" }.joined(separator: "\n") }
    }

    static func run(csv: String, on database: any Database) async throws -> (inserted: Int, updated: Int) {
        let regions = Set(try await RegionModel.query(on: database).all().compactMap(\.id))
        let municipalities: [Municipality]
        switch MunicipalityCSV.parse(csv, knownRegions: regions) {
        case let .success(list): municipalities = list
        case let .failure(list): throw Failed(problems: list.problems)
        }
        return try await database.transaction { db in
            var inserted = 0, updated = 0
            for municipality in municipalities {
                if let existing = try await MunicipalityModel.find(municipality.nisCode, on: db) {
                    existing.nameNL = municipality.nameNL
                    existing.nameFR = municipality.nameFR
                    existing.$region.id = municipality.regionCode
                    try await existing.update(on: db)
                    updated += 1
                } else {
                    try await MunicipalityModel(municipality).create(on: db)
                    inserted += 1
                }
            }
            return (inserted, updated)
        }
    }
}
