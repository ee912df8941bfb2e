import CFSQZlib
import Foundation

// MARK: - ZIP archives: the SEC's bulk company facts, an entry at a time

/// Reads a ZIP archive (the SEC's `companyfacts.zip`: every filer's company facts, about 1 GB
/// compressed) one entry at a time, so only one entry's bytes are in memory at once. Stored
/// and deflated entries, ZIP64 sizes and offsets; each entry's CRC-32 is checked.
///
/// Hand-written over zlib rather than ZIPFoundation (which the tests and the benchmark use to
/// write archives): ZIPFoundation's zlib comes through a pkg-config file that puts the system
/// library folder first on the link line, and fsq would then load the shared libsqlite3 and
/// libz at every start instead of linking them in (issue 15's start-up work).
enum LibraryArchive {
  /// The largest entry read (the largest filers' company facts are about 50 MB).
  static let largestEntry = 1 << 30

  struct Entry {
    var name: String
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var localHeader: Int
  }

  /// A file whose name ends in `.zip` and that starts as a ZIP file does.
  static func isArchive(_ path: String) -> Bool {
    guard path.lowercased().hasSuffix(".zip"), let file = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? file.close() }
    let head = [UInt8]((try? file.read(upToCount: 4)) ?? Data())
    return head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06]
  }

  /// Calls `body` with each file entry's path and bytes, in the archive's order. Directories
  /// and hidden entries (`__MACOSX/`, `.DS_Store`) are passed over.
  static func forEachEntry(_ path: String, _ body: (String, [UInt8]) throws -> Void) throws {
    guard let file = FileHandle(forReadingAtPath: path) else {
      throw LibraryError("cannot read the archive '\(path)'")
    }
    defer { try? file.close() }
    func fail(_ why: String) -> LibraryError { LibraryError("cannot read the archive '\(path)': \(why)") }
    for entry in try entries(file, fail) {
      let base = (entry.name as NSString).lastPathComponent
      if entry.name.hasSuffix("/") || base.hasPrefix(".") || entry.name.hasPrefix("__MACOSX/") { continue }
      guard entry.size <= largestEntry, entry.compressedSize <= largestEntry else {
        throw fail("'\(entry.name)' is \(entry.size) bytes, more than fsq reads")
      }
      let local = try read(file, at: entry.localHeader, count: 30, fail)
      guard uint32(local, 0) == 0x0403_4B50 else { throw fail("'\(entry.name)' has no local header") }
      let start = entry.localHeader + 30 + Int(uint16(local, 26)) + Int(uint16(local, 28))
      guard start <= Int.max - entry.compressedSize else { throw fail("'\(entry.name)' lies outside the file") }
      let stored = try read(file, at: start, count: entry.compressedSize, fail)
      let bytes: [UInt8]
      switch entry.method {
      case 0: bytes = stored
      case 8: bytes = try inflate(stored, size: entry.size) ?? { throw fail("'\(entry.name)' does not inflate") }()
      default: throw fail("'\(entry.name)' uses compression method \(entry.method), which fsq does not read")
      }
      let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
      guard bytes.count == entry.size, crc == entry.crc else { throw fail("'\(entry.name)' is damaged (CRC)") }
      try body(entry.name, bytes)
    }
  }

  /// The central directory's entries.
  static func entries(_ file: FileHandle, _ fail: (String) -> LibraryError) throws -> [Entry] {
    let length = Int(try file.seekToEnd())
    // The end-of-central-directory record: in the last 64 KiB + 22 bytes.
    let tailStart = max(0, length - 65_557)
    let tail = try read(file, at: tailStart, count: length - tailStart, fail)
    guard tail.count >= 22,
      let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { uint32(tail, $0) == 0x0605_4B50 })
    else { throw fail("it is not a ZIP file, or it was cut short (no end of central directory)") }
    var count = Int(uint16(tail, end + 10))
    var directorySize = Int(uint32(tail, end + 12))
    var directoryStart = Int(uint32(tail, end + 16))
    // ZIP64: a locator just before the record points to the 64-bit record.
    if end >= 20, uint32(tail, end - 20) == 0x0706_4B50 {
      let record = try read(file, at: LibraryArchive.size(uint64(tail, end - 20 + 8)), count: 56, fail)
      guard uint32(record, 0) == 0x0606_4B50 else { throw fail("its ZIP64 record is damaged") }
      count = LibraryArchive.size(uint64(record, 32))
      directorySize = LibraryArchive.size(uint64(record, 40))
      directoryStart = LibraryArchive.size(uint64(record, 48))
    }
    // Sizes and offsets as stored may be anything: each is checked before it is added to another.
    guard directoryStart <= length, directorySize <= length - directoryStart, count <= directorySize / 46 + 1 else {
      throw fail("its central directory lies outside the file")
    }
    let directory = try read(file, at: directoryStart, count: directorySize, fail)
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    var at = 0
    for _ in 0..<count {
      guard at + 46 <= directory.count, uint32(directory, at) == 0x0201_4B50 else {
        throw fail("its central directory is damaged")
      }
      let nameLength = Int(uint16(directory, at + 28))
      let extraLength = Int(uint16(directory, at + 30))
      let commentLength = Int(uint16(directory, at + 32))
      guard at + 46 + nameLength + extraLength <= directory.count else {
        throw fail("its central directory is damaged")
      }
      var entry = Entry(
        name: String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
        method: uint16(directory, at + 10), crc: uint32(directory, at + 16),
        compressedSize: Int(uint32(directory, at + 20)), size: Int(uint32(directory, at + 24)),
        localHeader: Int(uint32(directory, at + 42)))
      // ZIP64 extra field: the 64-bit values of the fields stored as 0xFFFFFFFF, in order.
      var extra = at + 46 + nameLength
      let extraEnd = extra + extraLength
      while extra + 4 <= extraEnd {
        let id = uint16(directory, extra)
        let size = Int(uint16(directory, extra + 2))
        if id == 0x0001 {
          var field = extra + 4
          func next() -> Int? {
            guard field + 8 <= extra + 4 + size else { return nil }
            defer { field += 8 }
            return LibraryArchive.size(uint64(directory, field))
          }
          if entry.size == 0xFFFF_FFFF, let value = next() { entry.size = value }
          if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
          if entry.localHeader == 0xFFFF_FFFF, let value = next() { entry.localHeader = value }
        }
        extra += 4 + size
      }
      guard entry.localHeader <= length - 30, entry.compressedSize <= length - 30 - entry.localHeader else {
        throw fail("'\(entry.name)' lies outside the file")
      }
      entries.append(entry)
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  }

  /// Raw deflate data inflated to `size` bytes; nil when it is damaged or of another size.
  static func inflate(_ input: [UInt8], size: Int) -> [UInt8]? {
    var output = [UInt8](repeating: 0, count: max(size, 1))
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return nil
    }
    defer { inflateEnd(&stream) }
    var input = input
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = uInt(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = uInt(target.count)
        return CFSQZlib.inflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END, Int(stream.total_out) == size else { return nil }
    if size == 0 { return [] }
    return output
  }

  static func read(_ file: FileHandle, at offset: Int, count: Int, _ fail: (String) -> LibraryError) throws -> [UInt8] {
    guard offset >= 0, count >= 0 else { throw fail("an offset lies outside the file") }
    do {
      try file.seek(toOffset: UInt64(offset))
      let data = try file.read(upToCount: count) ?? Data()
      guard data.count == count else { throw fail("it ends too soon (truncated?)") }
      return [UInt8](data)
    } catch let error as LibraryError {
      throw error
    } catch {
      throw fail("\(error)")
    }
  }

  /// A 64-bit size or offset as an Int; one past Int.max (which no file has) stays out of range.
  static func size(_ value: UInt64) -> Int { value > UInt64(Int.max) ? Int.max : Int(value) }

  static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
  static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
  }
  static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
    UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
  }
}
