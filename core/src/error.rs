//! The crate's one error type. Every binding maps `ErrorCode` numbers one to one, so a
//! code, once published, is never reused for another meaning.

use std::fmt;

/// Stable numeric error codes shared by the C ABI, the Java API and REST.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    Ok = 0,
    /// Bad input; the error names the field.
    Validation = 1,
    /// A write was based on a stale revision.
    Conflict = 2,
    /// A host storage callback failed.
    Storage = 3,
    /// A document exceeds what the host storage can hold.
    TooLarge = 4,
    /// An internal fault caught at a binding boundary.
    Panic = 5,
    /// A NULL pointer or invalid UTF-8 at the C ABI.
    InvalidArgument = 6,
    /// A well-formed id names no stored document (a template, holiday calendar or report
    /// definition); the error names the field that holds the id. REST answers 404.
    NotFound = 7,
}

impl ErrorCode {
    /// The lower-camel-case name used in REST error bodies (`"validation"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::Ok => "ok",
            ErrorCode::Validation => "validation",
            ErrorCode::Conflict => "conflict",
            ErrorCode::Storage => "storage",
            ErrorCode::TooLarge => "tooLarge",
            ErrorCode::Panic => "panic",
            ErrorCode::InvalidArgument => "invalidArgument",
            ErrorCode::NotFound => "notFound",
        }
    }
}

/// An engine error. Its message starts with the field path when there is one:
/// `members[3].dailyCapacity: must be between 0 and 24 hours, got 25`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Validation { field: String, message: String },
    Conflict { key: String, current_revision: u64, given_revision: u64 },
    Storage { message: String },
    TooLarge { field: String, message: String },
    Panic { message: String },
    InvalidArgument { message: String },
    /// No document has the id in `field` (the id itself is well formed: a malformed one is
    /// a validation error).
    NotFound { field: String, message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation { field: field.into(), message: message.into() }
    }

    /// No stored document has the id given in `field`.
    pub fn not_found(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::NotFound { field: field.into(), message: message.into() }
    }

    /// For bindings: an internal fault caught at the boundary.
    pub fn panic(message: impl Into<String>) -> Self {
        Error::Panic { message: message.into() }
    }

    /// For bindings: a NULL pointer or malformed argument before the engine is reached.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Error::InvalidArgument { message: message.into() }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Validation { .. } => ErrorCode::Validation,
            Error::Conflict { .. } => ErrorCode::Conflict,
            Error::Storage { .. } => ErrorCode::Storage,
            Error::TooLarge { .. } => ErrorCode::TooLarge,
            Error::Panic { .. } => ErrorCode::Panic,
            Error::InvalidArgument { .. } => ErrorCode::InvalidArgument,
            Error::NotFound { .. } => ErrorCode::NotFound,
        }
    }

    /// The path of the offending field, for validation, size and not-found errors.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } | Error::TooLarge { field, .. } | Error::NotFound { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The revision currently stored, for conflicts.
    pub fn current_revision(&self) -> Option<u64> {
        match self {
            Error::Conflict { current_revision, .. } => Some(*current_revision),
            _ => None,
        }
    }

    /// The full human-readable message (the `Display` form).
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation { field, message } | Error::TooLarge { field, message } | Error::NotFound { field, message } => {
                if field.is_empty() {
                    write!(f, "{message}")
                } else {
                    write!(f, "{field}: {message}")
                }
            }
            Error::Conflict { key, current_revision, given_revision } => write!(
                f,
                "revision: the document {key} is at revision {current_revision}, \
                 but the write was based on revision {given_revision}; read it again and retry"
            ),
            Error::Storage { message } => write!(f, "storage: {message}"),
            Error::Panic { message } => write!(f, "internal error: {message}"),
            Error::InvalidArgument { message } => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(ErrorCode::Validation as u32, 1);
        assert_eq!(ErrorCode::Conflict as u32, 2);
        assert_eq!(ErrorCode::Storage as u32, 3);
        assert_eq!(ErrorCode::TooLarge as u32, 4);
        assert_eq!(ErrorCode::Panic as u32, 5);
        assert_eq!(ErrorCode::InvalidArgument as u32, 6);
        assert_eq!(ErrorCode::NotFound as u32, 7);
    }

    #[test]
    fn message_starts_with_field_path() {
        let e = Error::validation("members[3].dailyCapacity", "must not be negative");
        assert_eq!(e.field(), Some("members[3].dailyCapacity"));
        assert_eq!(e.message(), "members[3].dailyCapacity: must not be negative");
    }
}
