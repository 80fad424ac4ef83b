/// FNV-1a, 64 bits: a hash that is the same on every machine and in every run (Swift's `Hasher` is seeded per
/// process), for partitioning work into shards and naming stored sweep points.
///
/// ```swift
/// StableHash.fnv1a(Array("gallery".utf8)) % 4   // the same shard everywhere
/// ```
/// **Edge cases:** not cryptographic: where a collision would matter, store what was hashed and compare it.
public enum StableHash {
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
