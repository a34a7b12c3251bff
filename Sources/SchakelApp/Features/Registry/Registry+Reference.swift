import Fluent
import Foundation
import SchakelCore

/// The registry as every signed-in user reads it: regions, municipalities, organisations and agreements.
extension Registry {
    static func regions(paging: Paging, caller: Caller) async throws -> Page<RegionModel> {
        try await RegionModel.query(on: caller.db).sort(\.$id).page(paging)
    }

    static func region(_ id: String, caller: Caller) async throws -> RegionModel {
        guard let model = try await RegionModel.find(id, on: caller.db) else { throw SchakelError.notFound }
        return model
    }

    static func municipalities(in region: String?, paging: Paging, caller: Caller) async throws -> Page<MunicipalityModel> {
        let query = MunicipalityModel.query(on: caller.db).sort(\.$id)
        if let region { query.filter(\.$region.$id == region) }
        return try await query.page(paging)
    }

    static func municipality(_ id: String, caller: Caller) async throws -> MunicipalityModel {
        guard let model = try await MunicipalityModel.find(id, on: caller.db) else { throw SchakelError.notFound }
        return model
    }

    /// The organisations by name, of one kind or region when asked.
    static func organisations(kind: OrganisationKind?, region: String?, paging: Paging,
                              caller: Caller) async throws -> Page<OrganisationModel> {
        let query = OrganisationModel.query(on: caller.db).sort(\.$name).sort(\.$id)
        if let kind { query.filter(\.$kind == kind) }
        if let region { query.filter(\.$region.$id == region) }
        return try await query.page(paging)
    }

    /// Every organisation's name by id: the frame of every page names senders, receivers and participants with it.
    static func organisationNames(on database: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for organisation in try await OrganisationModel.query(on: database).all() {
            if let id = organisation.id { names[id] = organisation.name }
        }
        return names
    }

    static func organisation(_ id: UUID, caller: Caller) async throws -> OrganisationModel {
        guard let model = try await OrganisationModel.find(id, on: caller.db) else { throw SchakelError.notFound }
        return model
    }

    /// Which agreements a listing asks for; every field may be left out.
    struct AgreementFilter: Sendable {
        var region: String?
        /// Only agreements this organisation is party to.
        var organisationID: UUID?
        /// Only agreements in force on this day.
        var activeOn: CalendarDate?
    }

    /// The agreements by title, with their parties and routes.
    static func agreements(_ filter: AgreementFilter, paging: Paging, caller: Caller) async throws -> Page<AgreementModel> {
        let query = AgreementModel.query(on: caller.db).with(\.$parties).with(\.$routes).sort(\.$title).sort(\.$id)
        if let region = filter.region { query.filter(\.$region.$id == region) }
        if let organisation = filter.organisationID {
            let ids = try await AgreementPartyModel.query(on: caller.db).filter(\.$organisation.$id == organisation).all(\.$agreement.$id)
            query.filter(\.$id ~~ ids)
        }
        if let day = filter.activeOn {
            query.filter(\.$validFrom <= day).group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil >= day) }
        }
        return try await query.page(paging)
    }
}
