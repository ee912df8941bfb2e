// swift-tools-version: 6.0
import PackageDescription

/// This folder, for linker search paths.
let packageRoot = String(#filePath.dropLast("Package.swift".count))

let package = Package(
  name: "fsq",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "fsq", targets: ["fsq"]),
    .library(name: "FSQCore", targets: ["FSQCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The model library (`fsq library …`): SQLite through GRDB, and SHA-256 document checksums.
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // Writes ZIP archives in the tests and the benchmark (the SEC's bulk company facts are one
    // ZIP file), which fsq reads with its own reader (Sources/FSQLibrary/LibraryArchive.swift).
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // Everything but terminal I/O: sources, lexer, parser, evaluator, model, importer, checks,
    // formatting, diagnostics and the REPL loop behind a line-reader protocol.
    .target(name: "FSQCore"),
    // libedit's headers (apt-get install libedit-dev), for the interactive front end only.
    // Not linked: the shim opens libedit with dlopen when the shell starts, so one-liners and
    // scripts do not load it (and libtinfo, libbsd, libmd) at each start.
    .systemLibrary(name: "CEditLine"),
    // The persistent model library on SQLite (apt-get install libsqlite3-dev): documents with
    // their checksums, every fact with its provenance, each company's merged model.
    .target(
      name: "FSQLibrary",
      dependencies: [
        "FSQCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        "CFSQZlib",
      ]),
    // zlib's header (apt-get install zlib1g-dev), for the bulk company-facts archive (a ZIP
    // file). Linked statically through Scripts/link/libz.so, like SQLite.
    .systemLibrary(name: "CFSQZlib"),
    .executableTarget(
      name: "fsq",
      dependencies: [
        "FSQCore", "FSQLibrary", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // The Swift runtime, Foundation and the argument parser linked into the executable: no
      // dynamic loading of libswiftCore/libFoundationEssentials at each start (issue 7). Linked
      // by lld, the toolchain's own linker: GNU ld warns at every build that the static
      // Foundation uses mktemp (it never calls it for fsq's work).
      linkerSettings: [
        .unsafeFlags(
          [
            "-static-stdlib", "-use-ld=lld", "-Xclang-linker", "-no-pie", "-L" + packageRoot + "Scripts/link",
            // The static runtime's link options export every symbol of the executable; with the
            // whole Foundation (GRDB) that table is large, and the runtime's dladdr() walks it at
            // start-up. Nothing loads fsq's symbols dynamically.
            "-Xlinker", "--no-export-dynamic",
          ],
          .when(platforms: [.linux])),
        // FoundationEssentials' own static dependencies, which `-static-stdlib` alone leaves out.
        .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
        .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
        .linkedLibrary("swiftSynchronization", .when(platforms: [.linux])),
        // GRDB (the model library) imports the whole Foundation: its internationalization
        // half needs ICU, linked statically as well.
        .linkedLibrary("CoreFoundation", .when(platforms: [.linux])),
        .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
        .linkedLibrary("stdc++", .when(platforms: [.linux])),
      ]
    ),
    // The benchmark behind Scripts/bench: fsq against sqlite3 on the same figures, and the core
    // in process (lexer+parser, importer). Never timed in `swift test`; only its --quick mode runs.
    .executableTarget(
      name: "fsq-bench",
      dependencies: [
        "FSQCore", "FSQLibrary", "FSQTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "FSQTestSupport", dependencies: ["FSQCore"], path: "Tests/FSQTestSupport"),
    .testTarget(name: "FSQCoreTests", dependencies: ["FSQCore", "FSQTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "FSQCLITests", dependencies: ["FSQCore", "FSQTestSupport"]),
    .testTarget(
      name: "FSQLibraryTests",
      dependencies: [
        "FSQCore", "FSQLibrary", "FSQTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
  ]
)
