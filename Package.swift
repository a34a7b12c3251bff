// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "schakel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schakel", targets: ["schakel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        // Domain: no Vapor, no Fluent, no networking.
        .target(name: "SchakelCore"),
        // The demo world: synthetic persons, organisations, offers and their past, and the benchmarks' inputs.
        // Used by `schakel demo`, `serve --demo`, the benchmarks and the tests; no production path imports it.
        .target(name: "SchakelDemo", dependencies: ["SchakelCore"]),
        .target(
            name: "SchakelApp",
            dependencies: [
                "SchakelCore",
                "SchakelDemo",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(name: "schakel", dependencies: ["SchakelApp"]),
        .testTarget(name: "SchakelCoreTests", dependencies: ["SchakelCore", "SchakelDemo"]),
        .testTarget(
            name: "SchakelAppTests",
            dependencies: [
                "SchakelApp",
                "SchakelDemo",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
    ]
)
