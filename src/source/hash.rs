//! A stable content hash of a document's raw bytes, to recognise the same document later
//! (e.g. to remember the reading position). FNV-1a, 64 bits: stable across Rust releases
//! and platforms, unlike `std`'s `DefaultHasher`; not a security measure.

use std::hash::Hasher;

pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// The identity of a file streamed in parts, known before the whole file is read: its
/// first part and its length.
pub fn prefix_identity(prefix: &[u8], total_len: u64) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(prefix);
    hasher.write(&total_len.to_le_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn known_values() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(content_hash(b"ab"), content_hash(b"ba"));
    }
}
