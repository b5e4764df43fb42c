//! Error types of the library.

use thiserror::Error;

/// Why a list file could not be read. Every malformed input maps to one of these; none panics,
/// hangs or allocates more than the file's own size.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ListError {
    /// The file is shorter than the fixed header.
    #[error("not a provenance list: {0} bytes is shorter than the 48-byte header")]
    TooShort(usize),
    /// The file does not start with the list magic.
    #[error("not a provenance list (wrong magic bytes)")]
    BadMagic,
    /// The file is a list of a format version this build does not read.
    #[error("list format version {found} is not supported (this build reads version {supported}); rebuild the list from its originals with `provenance build-list`")]
    UnsupportedVersion {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        supported: u16,
    },
    /// The header's checksum does not match: the file is damaged.
    #[error("list header is damaged (checksum mismatch)")]
    HeaderChecksum,
    /// The body's length differs from what the header says: the file was cut or appended to.
    #[error("list file is truncated or has trailing bytes: header says {expected} body bytes, file has {found}")]
    Length {
        /// Body length the header declares.
        expected: u64,
        /// Body length present.
        found: u64,
    },
    /// The body's checksum does not match: the file is damaged.
    #[error("list body is damaged (checksum mismatch)")]
    BodyChecksum,
    /// The checksums match but the content is inconsistent: a crafted or buggy file.
    #[error("list is inconsistent: {0}")]
    Corrupt(&'static str),
}

/// Why a list could not be built.
#[derive(Debug, Error)]
pub enum BuildError {
    /// A line of an originals file is not a valid original.
    #[error("{file}:{line}: {message}")]
    BadLine {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Two originals share an id.
    #[error("duplicate original id {0:?}")]
    DuplicateId(String),
    /// An id is longer than a list stores ([`crate::list::meta::MAX_FIELD_BYTES`]); ids are
    /// never cut, since a report must name its original exactly.
    #[error("original id {0:?}… is longer than 2,048 bytes")]
    LongId(String),
    /// An id holds a zero byte (`\u0000`), which ends a field in a list's metadata
    /// ([`crate::list::meta`]); ids are never changed, so it is refused.
    #[error("original id {0:?} holds a zero byte (\\u0000)")]
    ZeroByteInId(String),
    /// Originals prepared with different filter salts were added to one list, which has one.
    #[error("originals prepared with filter salts {0} and {1} cannot share a list")]
    MixedSalts(u8, u8),
    /// The list would hold more originals than the format can address.
    #[error("too many originals: {0} (the format holds at most 16,777,215)")]
    TooMany(usize),
    /// Reading an input failed.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}
