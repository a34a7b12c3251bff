import Fluent
import Foundation
import SchakelCore

/// A province or the Brussels-Capital Region; the NIS code is the id.
final class RegionModel: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name_nl") var nameNL: String
    @Field(key: "name_en") var nameEN: String
    @Field(key: "kind") var kind: Region.Kind

    init() {}

    init(_ region: Region) {
        id = region.nisCode
        nameNL = region.nameNL
        nameEN = region.nameEN
        kind = region.kind
    }
}

/// A municipality; the NIS code is the id.
final class MunicipalityModel: Model, @unchecked Sendable {
    static let schema = "municipalities"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name_nl") var nameNL: String
    @OptionalField(key: "name_fr") var nameFR: String?
    @Parent(key: "region_id") var region: RegionModel

    init() {}

    init(_ municipality: Municipality) {
        id = municipality.nisCode
        nameNL = municipality.nameNL
        nameFR = municipality.nameFR
        $region.id = municipality.regionCode
    }
}
